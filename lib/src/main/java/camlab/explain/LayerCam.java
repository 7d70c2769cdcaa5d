package camlab.explain;

import ai.djl.ndarray.NDArray;
import camlab.ops.MapOps;

/**
 * LayerCAM (Jiang, Zhang, Hou, Cheng, Wei — "LayerCAM: Exploring Hierarchical Class Activation Maps for Localization",
 * IEEE TIP 2021): each position keeps its own weight, the positive part of its gradient,
 * <pre>L^c = ReLU( Σ_k ReLU(∂y^c/∂A_k) ⊙ A_k ),</pre>
 * which makes the method usable at early layers, where Grad-CAM's channel average mixes evidence for and against.
 * On a GAP + Linear head with non-negative activations (after a ReLU) it is Σ_k ReLU(w_k^c) A_k / Z.
 */
public final class LayerCam extends PositionWeightedExplainer {
  @Override
  public String name() {
    return "layercam";
  }

  @Override
  protected NDArray positionWeights(NDArray gradients) {
    return MapOps.relu(gradients);
  }
}
