package camlab.explain;

import ai.djl.ndarray.NDArray;
import camlab.model.Classifier;
import camlab.ops.MapOps;
import camlab.util.Scoped;

/**
 * The template every channel-weighted method shares (pytorch-grad-cam's BaseCAM): one pass to get A,
 * per-image channel weights {@code α [B, K]} for the target classes, then
 * <pre>map = Σ_k α_k · A_k   (then ReLU, for the methods that use it).</pre>
 * A method only says where its weights come from and whether it applies the ReLU.
 */
public abstract class ChannelWeightedExplainer implements Explainer {
  /** Whether the weights need ∂score/∂A. */
  protected abstract boolean needsGradients();

  /** The score whose gradient is taken (gradient methods only). */
  protected Score score() {
    return Score.LOGIT;
  }

  /** Whether the method keeps only positive evidence: map = ReLU(Σ α A). */
  protected abstract boolean relu();

  /**
   * The channel weights {@code [B, K]} of each image for its target class.
   *
   * @param activations A {@code [B, K, h, w]}
   * @param gradients ∂score/∂A {@code [B, K, h, w]}, or null when {@link #needsGradients()} is false
   * @param classes the target class of each image, int64 {@code [B]} on the activations' device
   */
  protected abstract NDArray channelWeights(Classifier model, NDArray activations, NDArray gradients, NDArray classes);

  @Override
  public final ActivationMaps explain(Classifier model, NDArray images, Targets targets) {
    checkApplicable(model);
    return Scoped.result(images, scratch -> {
      FeaturePass pass = needsGradients() ? FeaturePass.withGradients(model, images, targets, score()) : FeaturePass.forward(model, images, targets);
      NDArray weights = channelWeights(model, pass.activations, pass.gradients, pass.classIndex);
      NDArray sum = FeaturePass.weightedSum(weights, pass.activations);
      return new Explained(relu() ? MapOps.relu(sum) : sum, pass.logits, pass.classes);
    }).named(name());
  }
}
