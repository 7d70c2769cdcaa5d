package camlab.model;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.util.List;

/**
 * Two TorchScript modules, features and head (see {@link TorchScriptModels}); it owns and closes both. Where they differ
 * from DJL blocks: their features come out as inference tensors, which cannot require gradients, so the gradient leaf
 * is a copy; DJL runs a scripted module without autograd unless it runs with {@code training = true}, so the head
 * does when gradients are wanted (export with {@code torch.jit.trace} after {@code model.eval()}); and the head is
 * opaque, so CAM's weights are found by {@link ScriptedLinearHead}.
 */
final class ScriptedSplitModel implements SplitModel {
  private final Model featuresModel;
  private final Model headModel;
  private final Block features;
  private final Block head;
  private final List<Parameter> headParameters;
  private final List<Parameter> featureParameters;
  private final boolean inputGradients;
  private final ParameterStore parameters;
  private final HeadKind headKind;

  /**
   * @param inputShape one image, {@code [C, H, W]}; @param numClasses the head's logits per image
   * @param inputGradients whether the features module was loaded with trainable parameters, which backward through it needs
   */
  ScriptedSplitModel(Model featuresModel, Model headModel, Shape inputShape, int numClasses, boolean inputGradients) {
    this.inputGradients = inputGradients;
    this.featuresModel = featuresModel;
    this.headModel = headModel;
    this.features = featuresModel.getBlock();
    this.head = headModel.getBlock();
    this.headParameters = head.getParameters().values();
    this.featureParameters = features.getParameters().values();
    this.parameters = new ParameterStore(featuresModel.getNDManager(), false);
    this.headKind = ScriptedLinearHead.find(this, inputShape, numClasses).<HeadKind>map(HeadKind.GapLinear::new)
        .orElse(new HeadKind.Other(List.of(head.getClass().getSimpleName())));
  }

  @Override
  public NDArray features(NDArray images) {
    return features.forward(parameters, new NDList(images), false).singletonOrThrow();
  }

  @Override
  public NDArray head(NDArray activations) {
    return head.forward(parameters, new NDList(activations), false).singletonOrThrow();
  }

  @Override
  public NDArray gradientLeaf(NDArray activations) {
    NDArray leaf = activations.duplicate();
    leaf.setRequiresGradient(true);
    return leaf;
  }

  @Override
  public NDArray headForGradients(NDArray leaf) {
    return FrozenHead.run(headParameters, () -> head.forward(parameters, new NDList(leaf), true).singletonOrThrow());
  }

  /** Both modules run with {@code training = true}: DJL runs a scripted module without autograd otherwise. */
  @Override
  public NDArray logitsForInputGradients(NDArray leaf) {
    List<Parameter> all = new java.util.ArrayList<>(featureParameters);
    all.addAll(headParameters);
    return FrozenHead.run(all, () -> {
      NDArray a = features.forward(parameters, new NDList(leaf), true).singletonOrThrow();
      return head.forward(parameters, new NDList(a), true).singletonOrThrow();
    });
  }

  @Override
  public java.util.Optional<String> whyNoInputGradients() {
    return inputGradients ? java.util.Optional.empty() : java.util.Optional.of("its features module was loaded without gradients (its"
        + " parameters are inference tensors, which backward cannot pass through); load it with TorchScriptModels.load(..., true) —"
        + " ./camlab explain does so for the methods that need input gradients");
  }

  @Override
  public HeadKind headKind() {
    return headKind;
  }

  @Override
  public Block featuresBlock() {
    return features;
  }

  @Override
  public Block headBlock() {
    return head;
  }

  @Override
  public List<Block> headLayers() {
    return List.of(head);
  }

  @Override
  public ParameterStore parameterStore() {
    return parameters;
  }

  @Override
  public Model model() {
    return featuresModel;
  }

  @Override
  public void close() {
    featuresModel.close();
    headModel.close();
  }
}
