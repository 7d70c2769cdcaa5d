package camlab.model;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import camlab.util.Devices;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An image classifier split at its target layer into {@code features} (images → activations A,
 * {@code [B, K, h, w]}) and {@code head} (A → logits {@code [B, C]}).
 *
 * <p>Every explainer works on this split: CAM reads the head's Linear weights, Grad-CAM back-propagates
 * through the head only. The feature extractor is a list of named <em>stages</em>; {@link #splitAt}
 * moves the split to an earlier stage (the later stages join the head), sharing the same parameters.
 *
 * <p>Parameters live in the {@link Model}'s manager; {@link #close()} frees them (closing a split view
 * frees the model it shares). Forward passes run in inference mode (BatchNorm uses its running
 * statistics and is never updated), and every result is created in the manager of the array passed in.
 */
public final class Classifier implements AutoCloseable {
  private final String architecture;
  private final List<Model> models;
  private final List<String> stageNames;
  private final List<Block> stages;
  private final Block originalHead;
  private final int split;
  private final Block features;
  private final Block head;
  private final Shape inputShape;
  private final List<String> classNames;
  private final boolean scripted;
  private final ParameterStore parameters;
  private Optional<NDArray> scriptedWeights; // found and verified once, on first use
  private Optional<Parameter> linearWeight; // the head's structure is checked once; the array is read on every call
  private List<Parameter> headParameters; // likewise: the block tree is walked once, the arrays are read per call

  private Classifier(String architecture, List<Model> models, List<String> stageNames, List<Block> stages, Block originalHead,
      int split, Shape inputShape, List<String> classNames, boolean scripted) {
    if (split < 1 || split > stages.size()) throw new IllegalArgumentException("split " + split + " of " + stages.size() + " stages");
    this.architecture = architecture;
    this.models = List.copyOf(models);
    this.stageNames = List.copyOf(stageNames);
    this.stages = List.copyOf(stages);
    this.originalHead = originalHead;
    this.split = split;
    this.inputShape = inputShape;
    this.classNames = List.copyOf(classNames);
    this.scripted = scripted;
    if (split == stages.size() && stages.size() == 1) {
      this.features = stages.get(0);
    } else {
      SequentialBlock f = new SequentialBlock();
      stages.subList(0, split).forEach(f::add);
      this.features = f;
    }
    if (split == stages.size()) {
      this.head = originalHead;
    } else {
      SequentialBlock h = new SequentialBlock();
      stages.subList(split, stages.size()).forEach(h::add);
      h.add(originalHead);
      this.head = h;
    }
    this.parameters = new ParameterStore(models.get(0).getNDManager(), false);
  }

  /**
   * Builds a new model on {@code device} from named feature stages and a head, and initialises the
   * parameters that are not yet initialised (seeded by {@code Engine.setRandomSeed}).
   *
   * @param inputShape one image, {@code [C, H, W]}
   */
  public static Classifier create(String architecture, List<String> stageNames, List<Block> stages, Block head, Shape inputShape,
      List<String> classNames, Device device) {
    if (stageNames.size() != stages.size() || stages.isEmpty()) {
      throw new IllegalArgumentException("Need one name per feature stage, and at least one stage.");
    }
    Model model = Model.newInstance(architecture, device == null ? Engine.getInstance().defaultDevice() : Devices.check(device));
    SequentialBlock featureBlock = new SequentialBlock();
    stages.forEach(featureBlock::add);
    SplitNetwork network = new SplitNetwork(featureBlock, head);
    model.setBlock(network);
    network.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1).addAll(inputShape));
    return new Classifier(architecture, List.of(model), stageNames, stages, head, stages.size(), inputShape, classNames, false);
  }

  /** Builds a new model whose features are one block (one stage named "features"). */
  public static Classifier create(String architecture, Block features, Block head, Shape inputShape, List<String> classNames, Device device) {
    return create(architecture, List.of("features"), List.of(features), head, inputShape, classNames, device);
  }

  /**
   * Wraps two already-loaded TorchScript modules (see {@link TorchScriptModels}); the classifier owns
   * and closes both models.
   */
  static Classifier scripted(String architecture, Model featuresModel, Model headModel, Shape inputShape, List<String> classNames) {
    return new Classifier(architecture, List.of(featuresModel, headModel), List.of("features"), List.of(featuresModel.getBlock()),
        headModel.getBlock(), 1, inputShape, classNames, true);
  }

  /**
   * A view of the same model split after {@code stageName}: the features end there and the later stages
   * become part of the head. Closing the view closes the shared model too.
   *
   * @throws IllegalArgumentException naming the stages that exist
   */
  public Classifier splitAt(String stageName) {
    int index = stageNames.indexOf(stageName);
    if (index < 0) {
      throw new IllegalArgumentException("The " + architecture + " model has no stage '" + stageName + "'; its stages are "
          + stageNames + ".");
    }
    return new Classifier(architecture, models, stageNames, stages, originalHead, index + 1, inputShape, classNames, scripted);
  }

  /** Activations A at the split, {@code [B, K, h, w]}, in the images' manager. */
  public NDArray features(NDArray images) {
    return features.forward(parameters, new NDList(checkImages(images)), false).singletonOrThrow();
  }

  /** Logits {@code [B, C]} from activations A, in A's manager. */
  public NDArray head(NDArray activations) {
    return runHead(activations, false);
  }

  /** Logits {@code [B, C]} of a batch of images. */
  public NDArray logits(NDArray images) {
    return head(features(images));
  }

  /**
   * Activations ready to receive gradients: a fresh leaf array that requires them (a detached view, so
   * gradients never accumulate on an array the caller holds). For a TorchScript model the features come
   * out as an inference tensor, which cannot require gradients, so they are copied instead.
   */
  public NDArray gradientLeaf(NDArray activations) {
    NDArray leaf = scripted ? activations.duplicate() : activations.stopGradient();
    leaf.setRequiresGradient(true);
    return leaf;
  }

  /**
   * Logits from activations inside an open {@code GradientCollector}, so that gradients reach A — and only A.
   * While the head runs, its parameters are taken out of autograd (and put back right after), so the graph has no
   * edge to them: the backward pass computes ∂score/∂A without the parameters' own gradients, and an explanation
   * never adds into a parameter's gradient (a training loop's accumulated gradients stay as they were). Skipping
   * those gradients also saves their computation: the head's weight gradients, and at an earlier split the later
   * conv layers' too.
   *
   * <p>A TorchScript head runs with {@code training=true} because DJL runs scripted modules without
   * autograd otherwise (export them with {@code torch.jit.trace} after {@code model.eval()}).
   */
  public NDArray headForGradients(NDArray leaf) {
    if (headParameters == null) headParameters = head.getParameters().values();
    List<NDArray> frozen = new ArrayList<>();
    for (Parameter parameter : headParameters) {
      NDArray value = parameter.getArray();
      if (value.hasGradient()) {
        value.setRequiresGradient(false);
        frozen.add(value);
      }
    }
    try {
      return runHead(leaf, scripted);
    } finally {
      for (NDArray value : frozen) value.setRequiresGradient(true);
    }
  }

  /**
   * The head's forward pass. Activations that do not fit it (another split's, another model's) make PyTorch throw
   * a multi-page error; it is reduced to PyTorch's one-line reason and reported as bad input.
   */
  private NDArray runHead(NDArray activations, boolean training) {
    try {
      return head.forward(parameters, new NDList(activations), training).singletonOrThrow();
    } catch (EngineException e) {
      throw new IllegalArgumentException("The head of the " + architecture + " model (split after '" + targetLayer()
          + "') does not accept activations of shape " + activations.getShape() + ": "
          + TorchScriptModels.engineReason(e).replaceAll("\\.$", "") + ". Give it the output of features(...) of the same classifier and split.", e);
    }
  }

  /**
   * The class weights W {@code [C, K]} of a head that is global average pooling followed by one Linear
   * layer — what CAM needs. The array is the parameter itself: read it, do not modify or close it.
   */
  public Optional<NDArray> linearClassWeights() {
    if (scripted) {
      if (scriptedWeights == null) scriptedWeights = ScriptedLinearHead.find(this);
      return scriptedWeights;
    }
    if (linearWeight == null) linearWeight = findLinearWeight();
    return linearWeight.map(Parameter::getArray); // loading weights may replace the array, never the parameter
  }

  private Optional<Parameter> findLinearWeight() {
    List<Block> layers = headLayers();
    if (layers.isEmpty() || !(layers.get(layers.size() - 1) instanceof Linear linear)) return Optional.empty();
    for (Block b : layers.subList(0, layers.size() - 1)) {
      if (!(b instanceof GlobalAveragePooling)) return Optional.empty();
    }
    return Optional.of(linear.getParameters().get("weight"));
  }

  /** The head's layers, nested sequential blocks flattened, in order. */
  public List<Block> headLayers() {
    List<Block> out = new ArrayList<>();
    flatten(head, out);
    return out;
  }

  private static void flatten(Block block, List<Block> out) {
    if (block instanceof SequentialBlock seq) {
      seq.getChildren().values().forEach(child -> flatten(child, out));
    } else {
      out.add(block);
    }
  }

  private NDArray checkImages(NDArray images) {
    if (images == null) throw new IllegalArgumentException("The images are null; pass a float32 array [batch, " + inputShape.get(0) + ", "
        + inputShape.get(1) + ", " + inputShape.get(2) + "].");
    Shape shape = images.getShape();
    if (shape.dimension() != 4 || !shape.slice(1).equals(inputShape)) {
      throw new IllegalArgumentException("The " + architecture + " model takes images of shape [batch, " + inputShape.get(0) + ", "
          + inputShape.get(1) + ", " + inputShape.get(2) + "]; got " + shape + ".");
    }
    if (shape.get(0) == 0) throw new IllegalArgumentException("The batch of images is empty (shape " + shape + "); pass at least one image.");
    if (images.getDataType() != DataType.FLOAT32) {
      throw new IllegalArgumentException("Images must be float32; got " + images.getDataType() + ". Convert with toType(DataType.FLOAT32, false).");
    }
    Device device = device();
    NDArray onDevice = images.getDevice().equals(device) ? images : images.toDevice(device, false);
    // one reduction is enough to notice NaN or ±Inf (they propagate into the sum); only then look closer
    if (!Float.isFinite(onDevice.sum().getFloat())) {
      long nan = onDevice.isNaN().sum().getLong();
      long inf = onDevice.isInfinite().sum().getLong();
      if (nan + inf > 0) throw new IllegalArgumentException("The images contain " + nan + " NaN and " + inf + " infinite values; check how they were"
          + " loaded and preprocessed.");
    }
    return onDevice;
  }

  public String architecture() {
    return architecture;
  }

  /** The model that owns the parameters (for a TorchScript classifier: the features model). */
  public Model model() {
    return models.get(0);
  }

  /** The trainable network (features then head), taking {@code (images[, labels])}; null for TorchScript. */
  Block network() {
    return scripted ? null : model().getBlock();
  }

  public Block featuresBlock() {
    return features;
  }

  public Block headBlock() {
    return head;
  }

  /** The names of the feature stages, input first. */
  public List<String> stageNames() {
    return stageNames;
  }

  /** The name of the stage the features end with: the target layer. */
  public String targetLayer() {
    return stageNames.get(split - 1);
  }

  /** Whether this classifier wraps TorchScript modules. */
  public boolean isScripted() {
    return scripted;
  }

  /** One image, {@code [C, H, W]}. */
  public Shape inputShape() {
    return inputShape;
  }

  public List<String> classNames() {
    return classNames;
  }

  public int numClasses() {
    return classNames.size();
  }

  public Device device() {
    return model().getNDManager().getDevice();
  }

  /** The parameter store every forward pass uses (inference mode, parameters on the model's device). */
  public ParameterStore parameterStore() {
    return parameters;
  }

  @Override
  public void close() {
    models.forEach(Model::close);
  }

  @Override
  public String toString() {
    return architecture + " classifier split after '" + targetLayer() + "': " + inputShape + " → " + numClasses() + " classes on " + device();
  }
}
