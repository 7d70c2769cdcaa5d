package camlab.model;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import java.util.List;
import java.util.Optional;

/**
 * An image classifier split at its target layer into {@code features} (images → activations A,
 * {@code [B, K, h, w]}) and {@code head} (A → logits {@code [B, C]}).
 *
 * <p>Every explainer works on this split: CAM reads the head's Linear weights, Grad-CAM back-propagates
 * through the head only. The parameters live in the {@link Model}'s manager; {@link #close()} frees them.
 * All forward passes here run in inference mode (BatchNorm uses its running statistics and is not
 * updated), and every result is created in the manager of the array passed in.
 */
public final class Classifier implements AutoCloseable {
  private final String architecture;
  private final Model model;
  private final Block features;
  private final Block head;
  private final Shape inputShape;
  private final List<String> classNames;
  private final ParameterStore parameters;

  /**
   * Wraps {@code features} and {@code head} into a new model on {@code device} and initialises the
   * parameters that are not yet initialised (seeded by {@code Engine.setRandomSeed}).
   *
   * @param inputShape one image, {@code [C, H, W]}
   */
  public static Classifier create(String architecture, Block features, Block head, Shape inputShape, List<String> classNames, Device device) {
    Model model = Model.newInstance(architecture, device == null ? Engine.getInstance().defaultDevice() : device);
    SequentialBlock network = new SequentialBlock().add(features).add(head);
    model.setBlock(network);
    network.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1).addAll(inputShape));
    return new Classifier(architecture, model, features, head, inputShape, classNames);
  }

  Classifier(String architecture, Model model, Block features, Block head, Shape inputShape, List<String> classNames) {
    this.architecture = architecture;
    this.model = model;
    this.features = features;
    this.head = head;
    this.inputShape = inputShape;
    this.classNames = List.copyOf(classNames);
    this.parameters = new ParameterStore(model.getNDManager(), false);
  }

  /** Activations A at the split, {@code [B, K, h, w]}, in the images' manager. */
  public NDArray features(NDArray images) {
    return features.forward(parameters, new NDList(checkImages(images)), false).singletonOrThrow();
  }

  /** Logits {@code [B, C]} from activations A, in A's manager. */
  public NDArray head(NDArray activations) {
    return head.forward(parameters, new NDList(activations), false).singletonOrThrow();
  }

  /** Logits {@code [B, C]} of a batch of images. */
  public NDArray logits(NDArray images) {
    return head(features(images));
  }

  /**
   * The class weights W {@code [C, K]} of a head that is global average pooling followed by one Linear
   * layer — what CAM needs. The array is the parameter itself: read it, do not modify or close it.
   */
  public Optional<NDArray> linearClassWeights() {
    if (!(head instanceof SequentialBlock seq)) return Optional.empty();
    List<Block> layers = seq.getChildren().values();
    if (layers.isEmpty() || !(layers.get(layers.size() - 1) instanceof Linear linear)) return Optional.empty();
    for (int k = 0; k < layers.size() - 1; k++) {
      if (!Architectures.isGlobalAveragePooling(layers.get(k))) return Optional.empty();
    }
    Parameter weight = linear.getParameters().get("weight");
    return Optional.of(weight.getArray());
  }

  private NDArray checkImages(NDArray images) {
    Shape shape = images.getShape();
    if (shape.dimension() != 4 || !shape.slice(1).equals(inputShape)) {
      throw new IllegalArgumentException("The " + architecture + " model takes images of shape [batch, " + inputShape.get(0) + ", "
          + inputShape.get(1) + ", " + inputShape.get(2) + "]; got " + shape + ".");
    }
    if (shape.get(0) == 0) throw new IllegalArgumentException("The batch of images is empty.");
    if (images.getDataType() != DataType.FLOAT32) {
      throw new IllegalArgumentException("Images must be float32; got " + images.getDataType() + ". Convert with toType(DataType.FLOAT32, false).");
    }
    Device device = model.getNDManager().getDevice();
    return images.getDevice().equals(device) ? images : images.toDevice(device, false);
  }

  public String architecture() {
    return architecture;
  }

  public Model model() {
    return model;
  }

  public Block featuresBlock() {
    return features;
  }

  public Block headBlock() {
    return head;
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
    return model.getNDManager().getDevice();
  }

  /** The parameter store every forward pass uses (inference mode, parameters on the model's device). */
  public ParameterStore parameterStore() {
    return parameters;
  }

  @Override
  public void close() {
    model.close();
  }

  @Override
  public String toString() {
    return architecture + " classifier: " + inputShape + " → " + numClasses() + " classes on " + device();
  }
}
