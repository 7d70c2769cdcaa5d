package camlab.model;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import camlab.util.Devices;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * An image classifier split at its target layer into {@code features} (images → activations A,
 * {@code [B, K, h, w]}) and {@code head} (A → logits {@code [B, C]}): a {@link SplitModel} with a name, its input
 * shape and class names, and checked inputs.
 *
 * <p>Every explainer works on this split: CAM reads the head's Linear weights, Grad-CAM back-propagates
 * through the head only, and each matches on the {@link #headKind()} decided when the model was built. The feature
 * extractor is a list of named <em>stages</em>; {@link #splitAt} moves the split to an earlier stage (the later
 * stages join the head), sharing the same parameters.
 *
 * <p>Parameters live in the {@link Model}'s manager; {@link #close()} frees them (closing a split view
 * frees the model it shares). Forward passes run in inference mode (BatchNorm uses its running
 * statistics and is never updated), and every result is created in the manager of the array passed in.
 */
public final class Classifier implements AutoCloseable {
  private final String architecture;
  private final List<String> stageNames;
  private final int split;
  private final SplitModel model;
  private final Shape inputShape;
  private final List<String> classNames;

  private Classifier(String architecture, List<String> stageNames, int split, SplitModel model, Shape inputShape, List<String> classNames) {
    this.architecture = architecture;
    this.stageNames = List.copyOf(stageNames);
    this.split = split;
    this.model = model;
    this.inputShape = inputShape;
    this.classNames = List.copyOf(classNames);
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
    return new Classifier(architecture, stageNames, stages.size(), new BlockSplitModel(model, stages, head, stages.size()), inputShape,
        classNames);
  }

  /** Builds a new model whose features are one block (one stage named "features"). */
  public static Classifier create(String architecture, Block features, Block head, Shape inputShape, List<String> classNames, Device device) {
    return create(architecture, List.of("features"), List.of(features), head, inputShape, classNames, device);
  }

  /**
   * Wraps two already-loaded TorchScript modules (see {@link TorchScriptModels}); the classifier owns
   * and closes both models.
   */
  static Classifier scripted(String architecture, Model featuresModel, Model headModel, Shape inputShape, List<String> classNames,
      boolean inputGradients) {
    return new Classifier(architecture, List.of("features"), 1,
        new ScriptedSplitModel(featuresModel, headModel, inputShape, classNames.size(), inputGradients), inputShape, classNames);
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
    SplitModel view = model instanceof BlockSplitModel blocks ? blocks.splitAfter(index + 1) : model;
    return new Classifier(architecture, stageNames, index + 1, view, inputShape, classNames);
  }

  /** Activations A at the split, {@code [B, K, h, w]}, in the images' manager. */
  public NDArray features(NDArray images) {
    return model.features(InputCheck.images(images, architecture, inputShape, device()));
  }

  /**
   * The images as every pass of this classifier takes them: checked (float32 {@code [B, C, H, W]} of its input shape,
   * at least one, finite) and on the model's device — the same check {@link #features} makes.
   */
  public NDArray checkImages(NDArray images) {
    return InputCheck.images(images, architecture, inputShape, device());
  }

  /**
   * Runs {@code forward} with every parameter of the whole model taken out of autograd, and puts them back right
   * after: inside a gradient collector the backward pass then reaches the inputs the caller marked — and no parameter,
   * so an explanation never adds into a parameter's gradient.
   */
  public <T> T withParametersFrozen(Supplier<T> forward) {
    List<Parameter> all = new ArrayList<>(model.featuresBlock().getParameters().values());
    all.addAll(model.headBlock().getParameters().values());
    return FrozenHead.run(all, forward);
  }

  /** Logits {@code [B, C]} from activations A, in A's manager. */
  public NDArray head(NDArray activations) {
    return headChecked(activations, () -> model.head(activations));
  }

  /** Logits {@code [B, C]} of a batch of images. */
  public NDArray logits(NDArray images) {
    return head(features(images));
  }

  /**
   * Activations ready to receive gradients: a fresh leaf array that requires them (a detached view, so
   * gradients never accumulate on an array the caller holds; a copy for a TorchScript model, whose features
   * are inference tensors that cannot require gradients).
   */
  public NDArray gradientLeaf(NDArray activations) {
    return model.gradientLeaf(activations);
  }

  /**
   * Logits from activations inside an open {@code GradientCollector}, so that gradients reach A — and only A: while
   * the head runs, its parameters are taken out of autograd (and put back right after), so the backward pass computes
   * ∂score/∂A without the parameters' own gradients, and an explanation never adds into a parameter's gradient.
   */
  public NDArray headForGradients(NDArray leaf) {
    return headChecked(leaf, () -> model.headForGradients(leaf));
  }

  /**
   * The head's forward pass. Activations that do not fit it (another split's, another model's) make PyTorch throw
   * a multi-page error; it is reduced to PyTorch's one-line reason and reported as bad input.
   */
  private NDArray headChecked(NDArray activations, Supplier<NDArray> forward) {
    try {
      return forward.get();
    } catch (EngineException e) {
      throw new IllegalArgumentException("The head of the " + architecture + " model (split after '" + targetLayer()
          + "') does not accept activations of shape " + activations.getShape() + ": "
          + TorchScriptModels.engineReason(e).replaceAll("\\.$", "") + ". Give it the output of features(...) of the same classifier and split.", e);
    }
  }

  /**
   * Images ready to receive gradients: the checked images on the model's device as a fresh leaf that requires them (a
   * detached view, so gradients never accumulate on an array the caller holds).
   *
   * @throws UnsupportedOperationException when gradients cannot reach the input of this model ({@link #requireInputGradients})
   */
  public NDArray inputGradientLeaf(NDArray images, String method) {
    requireInputGradients(method);
    NDArray leaf = InputCheck.images(images, architecture, inputShape, device()).stopGradient();
    leaf.setRequiresGradient(true);
    return leaf;
  }

  /**
   * Logits {@code [B, C]} from an {@link #inputGradientLeaf} inside an open {@code GradientCollector}, through the
   * features and the head with every parameter out of autograd: the backward pass computes ∂score/∂x and nothing else.
   */
  public NDArray logitsForInputGradients(NDArray leaf) {
    return model.logitsForInputGradients(leaf);
  }

  /** Whether gradients can reach the input through this model (a TorchScript model needs its features loaded with them). */
  public boolean supportsInputGradients() {
    return model.whyNoInputGradients().isEmpty();
  }

  /**
   * Refuses, naming the method and the reason, a model through which gradients cannot reach the input.
   *
   * @throws UnsupportedOperationException "METHOD is not supported for this model because …"
   */
  public void requireInputGradients(String method) {
    model.whyNoInputGradients().ifPresent(why -> {
      throw new UnsupportedOperationException(method + " needs the gradient with respect to the input, and is not supported for the "
          + architecture + " model because " + why + ".");
    });
  }

  /** What the head is (GAP + Linear, 1×1 conv + GAP, ACoL, other), decided when the model was built. */
  public HeadKind headKind() {
    return model.headKind();
  }

  /**
   * The class weights W {@code [C, K]} of a head that is global average pooling followed by one Linear
   * layer — what CAM needs. The array is the parameter itself: read it, do not modify or close it.
   */
  public Optional<NDArray> linearClassWeights() {
    return model.headKind() instanceof HeadKind.GapLinear linear ? Optional.of(linear.weights()) : Optional.empty();
  }

  /** The head's layers, nested sequential blocks flattened, in order. */
  public List<Block> headLayers() {
    return model.headLayers();
  }

  public String architecture() {
    return architecture;
  }

  /** The split model: features, head and their kind. */
  public SplitModel splitModel() {
    return model;
  }

  /** The model that owns the parameters (for a TorchScript classifier: the features model). */
  public Model model() {
    return model.model();
  }

  public Block featuresBlock() {
    return model.featuresBlock();
  }

  public Block headBlock() {
    return model.headBlock();
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
    return model instanceof ScriptedSplitModel;
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
    return model.device();
  }

  /** The parameter store every forward pass uses (inference mode, parameters on the model's device). */
  public ParameterStore parameterStore() {
    return model.parameterStore();
  }

  @Override
  public void close() {
    model.close();
  }

  @Override
  public String toString() {
    return architecture + " classifier split after '" + targetLayer() + "': " + inputShape + " → " + numClasses() + " classes on " + device();
  }
}
