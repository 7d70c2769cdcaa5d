package camlab.explain;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import camlab.model.Classifier;
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
    NDManager owner = images.getManager(); // captured now: inside compute() the images sit in a scratch manager
    FeaturePass[] pass = new FeaturePass[1];
    NDArray maps = Scoped.compute(images, scratch -> {
      pass[0] = needsGradients() ? FeaturePass.withGradients(model, images, targets, score()) : FeaturePass.forward(model, images, targets);
      NDArray weights = channelWeights(model, pass[0].activations, pass[0].gradients, pass[0].classIndex);
      NDArray sum = FeaturePass.weightedSum(weights, pass[0].activations);
      pass[0].logits.attach(owner);
      return relu() ? MapOps.relu(sum) : sum;
    });
    return new ActivationMaps(name(), maps, pass[0].classes, pass[0].logits);
  }

  /** Throws a clear error when the method cannot work on this model (e.g. CAM without a Linear head). */
  protected void checkApplicable(Classifier model) {}
}
