package camlab.explain;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import camlab.model.Classifier;
import camlab.ops.SpatialReduction;

/**
 * XGrad-CAM (Fu, Hu, Dong, Liu, Zhao, Zhang, Wang — "Axiom-based Grad-CAM", BMVC 2020): channel weights that satisfy
 * the sensitivity and conservation axioms, the gradient averaged with the activations as weights,
 * <pre>α_k^c = Σ_ij A_k(i,j) · ∂y^c/∂A_k(i,j) / ( Σ_ij A_k(i,j) + 10⁻⁷ ),     L^c = ReLU( Σ_k α_k^c · A_k ).</pre>
 * On a GAP + Linear head the gradient is w_k^c / Z at every position, so α_k = (w_k^c / Z) · ΣA_k / (ΣA_k + 10⁻⁷):
 * XGrad-CAM is Grad-CAM there, up to the 10⁻⁷ (the same ε as pytorch-grad-cam).
 */
public final class XGradCam extends ChannelWeightedExplainer {
  /** Added to each channel's sum of activations so that an all-zero channel gets weight 0. */
  static final float EPSILON = 1e-7f;

  @Override
  public String name() {
    return "xgradcam";
  }

  @Override
  protected boolean needsGradients() {
    return true;
  }

  @Override
  protected boolean relu() {
    return true;
  }

  @Override
  protected NDArray channelWeights(Classifier model, NDArray activations, NDArray gradients, NDArray classes) {
    Shape s = activations.getShape();
    NDArray denominator = SpatialReduction.sum(activations).add(EPSILON);
    return SpatialReduction.sum(activations.mul(gradients)).div(denominator).reshape(s.get(0), s.get(1));
  }
}
