package camlab.exercises.sandbox;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.util.Pair;

import camlab.model.Classifier;
import camlab.model.GlobalAveragePooling;

/**
 * A grader's classifier whose features are the input itself and whose head is a short stack of layers
 * (global average pooling, flatten, ReLU, Linear), described so that a cell JVM rebuilds exactly the same
 * model: the layers, then every parameter's values. Graders build their models here; the description travels
 * with the model when a grader passes it to a cell.
 */
public final class HeadRecipe {
  private static final Map<Classifier, HeadRecipe> BUILT = Collections.synchronizedMap(new WeakHashMap<>());
  private static final int MAX_LAYERS = 32;

  enum Kind { GLOBAL_AVERAGE_POOLING, FLATTEN, RELU, LINEAR, LINEAR_NO_BIAS }

  private record Layer(Kind kind, int units) {}

  private final int channels;
  private final int height;
  private final int width;
  private final int classes;
  private final List<Layer> layers = new ArrayList<>();

  private HeadRecipe(int channels, int height, int width, int classes) {
    if (channels <= 0 || height <= 0 || width <= 0 || classes <= 0) {
      throw new IllegalArgumentException("a head needs positive sizes, not K=" + channels + " h=" + height + " w=" + width + " C=" + classes);
    }
    this.channels = channels;
    this.height = height;
    this.width = width;
    this.classes = classes;
  }

  /** A head for activations {@code [B, channels, height, width]} with {@code classes} logits. */
  public static HeadRecipe forActivations(int channels, int height, int width, int classes) {
    return new HeadRecipe(channels, height, width, classes);
  }

  public HeadRecipe globalAveragePooling() {
    return add(Kind.GLOBAL_AVERAGE_POOLING, 0);
  }

  public HeadRecipe flatten() {
    return add(Kind.FLATTEN, 0);
  }

  public HeadRecipe relu() {
    return add(Kind.RELU, 0);
  }

  public HeadRecipe linear(int units, boolean bias) {
    if (units <= 0) throw new IllegalArgumentException("a Linear layer needs at least one unit");
    return add(bias ? Kind.LINEAR : Kind.LINEAR_NO_BIAS, units);
  }

  private HeadRecipe add(Kind kind, int units) {
    if (layers.size() == MAX_LAYERS) throw new IllegalArgumentException("a head of more than " + MAX_LAYERS + " layers");
    layers.add(new Layer(kind, units));
    return this;
  }

  /**
   * A new classifier with identity features and this head, its parameters initialised from the engine's seed; the
   * caller owns and closes it. {@link #describe} finds this recipe from the model later.
   */
  public Classifier build() {
    SequentialBlock head = new SequentialBlock();
    for (Layer layer : layers) head.add(block(layer));
    List<String> names = new ArrayList<>();
    for (int c = 0; c < classes; c++) names.add("class " + c);
    Classifier model = Classifier.create("grader", Blocks.identityBlock(), head, new Shape(channels, height, width), names, null);
    BUILT.put(model, this);
    return model;
  }

  private static Block block(Layer layer) {
    return switch (layer.kind()) {
      case GLOBAL_AVERAGE_POOLING -> new GlobalAveragePooling();
      case FLATTEN -> Blocks.batchFlattenBlock();
      case RELU -> Activation.reluBlock();
      case LINEAR -> Linear.builder().setUnits(layer.units()).build();
      case LINEAR_NO_BIAS -> Linear.builder().setUnits(layer.units()).optBias(false).build();
    };
  }

  /** The recipe {@code model} was built from, if it was built by {@link #build()}. */
  public static Optional<HeadRecipe> describe(Classifier model) {
    return Optional.ofNullable(BUILT.get(model));
  }

  /**
   * The recipe of {@code model} and the current values of its head parameters, as bytes a cell JVM turns back into
   * the same model ({@link #decode}).
   *
   * @throws IllegalArgumentException if {@code model} was not built by a recipe
   */
  public static byte[] encode(Classifier model) throws IOException {
    HeadRecipe recipe = describe(model).orElseThrow(() -> new IllegalArgumentException(
        "a model passed to a cell must be built with HeadRecipe, so that the cell's JVM can rebuild it: " + model));
    Wire.PayloadWriter out = new Wire.PayloadWriter();
    recipe.write(out, model);
    return out.toByteArray();
  }

  private void write(Wire.PayloadWriter out, Classifier model) throws IOException {
    out.writeInt(channels).writeInt(height).writeInt(width).writeInt(classes).writeInt(layers.size());
    for (Layer layer : layers) out.writeByte(layer.kind().ordinal()).writeInt(layer.units());
    List<Parameter> parameters = parametersOf(model);
    out.writeInt(parameters.size());
    for (Parameter p : parameters) ArrayData.write(out, p.getArray());
  }

  /** Rebuilds a model from {@link #encode}: the same layers, then the same parameter values. The caller closes it. */
  static Classifier decode(byte[] bytes) throws IOException {
    Wire.Payload in = new Wire.Payload(bytes);
    HeadRecipe recipe;
    try {
      recipe = new HeadRecipe(in.readInt(), in.readInt(), in.readInt(), in.readInt());
    } catch (IllegalArgumentException e) {
      throw new Wire.ProtocolException("a model with " + e.getMessage());
    }
    int n = in.readCount(5);
    if (n > MAX_LAYERS) throw new Wire.ProtocolException("a model of " + n + " layers");
    for (int i = 0; i < n; i++) {
      int kind = in.readByte();
      if (kind >= Kind.values().length) throw new Wire.ProtocolException("a layer of unknown kind " + kind);
      int units = in.readInt();
      if (units < 0 || units > (1 << 20)) throw new Wire.ProtocolException("a layer of " + units + " units");
      recipe.add(Kind.values()[kind], units);
    }
    Classifier model = recipe.build();
    try {
      List<Parameter> parameters = parametersOf(model);
      if (in.readInt() != parameters.size()) throw new Wire.ProtocolException("the model's parameters do not match its layers");
      for (Parameter p : parameters) {
        ArrayData.Content content = ArrayData.read(in);
        NDArray array = p.getArray();
        if (content.type() != array.getDataType() || !content.shape().equals(array.getShape())) {
          throw new Wire.ProtocolException("parameter " + p.getName() + " is " + content.shape() + " " + content.type() + ", the layer has "
              + array.getShape() + " " + array.getDataType());
        }
        content.copyInto(array);
      }
      return model;
    } catch (IOException | RuntimeException e) {
      model.close();
      throw e;
    }
  }

  private static List<Parameter> parametersOf(Classifier model) {
    List<Parameter> out = new ArrayList<>();
    for (Pair<String, Parameter> p : model.headBlock().getParameters()) out.add(p.getValue());
    return out;
  }
}
