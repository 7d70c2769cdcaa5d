package camlab.explain;

import ai.djl.ndarray.NDArray;
import camlab.model.Classifier;
import camlab.ops.SpatialReduction;

/**
 * Counterfactual Grad-CAM (Selvaraju et al., §5.2): the gradients are negated before pooling, so the map
 * shows the regions whose removal would make the model <em>more</em> confident in class c — evidence
 * against it:
 * <pre>α_k^c = (1/Z) Σ_i Σ_j ( −∂y^c / ∂A_k(i, j) ),     L^c = ReLU( Σ_k α_k^c · A_k ).</pre>
 */
public final class CounterfactualGradCam extends ChannelWeightedExplainer {
  @Override
  public String name() {
    return "counterfactual";
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
    return SpatialReduction.mean(gradients).neg();
  }
}
