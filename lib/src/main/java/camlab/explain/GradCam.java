package camlab.explain;

import ai.djl.ndarray.NDArray;
import camlab.model.Classifier;
import camlab.ops.SpatialReduction;

/**
 * Grad-CAM (Selvaraju et al. — ICCV 2017). Channel weights are the spatially averaged gradients of the
 * class score y^c (pre-softmax by default) with respect to the activations A at the split:
 * <pre>α_k^c = (1/Z) Σ_i Σ_j ∂y^c / ∂A_k(i, j),     L^c = ReLU( Σ_k α_k^c · A_k ),     Z = h·w.</pre>
 * The backward pass runs through the head only. On a GAP + Linear head, ∂y^c/∂A_k(i,j) = w_k^c / Z,
 * so Grad-CAM = ReLU(CAM) / Z: it generalises CAM to any differentiable head and any split point.
 */
public final class GradCam extends ChannelWeightedExplainer {
  private final Score score;

  /** Grad-CAM of the logit. */
  public GradCam() {
    this(Score.LOGIT);
  }

  /** Grad-CAM of the given score (the logit, as in the paper, or the softmax probability). */
  public GradCam(Score score) {
    this.score = score;
  }

  @Override
  public String name() {
    return score == Score.LOGIT ? "gradcam" : "gradcam-probability";
  }

  @Override
  protected boolean needsGradients() {
    return true;
  }

  @Override
  protected Score score() {
    return score;
  }

  @Override
  protected boolean relu() {
    return true;
  }

  @Override
  protected NDArray channelWeights(Classifier model, NDArray activations, NDArray gradients, NDArray classes) {
    return SpatialReduction.mean(gradients);
  }
}
