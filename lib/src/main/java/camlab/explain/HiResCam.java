package camlab.explain;

import ai.djl.ndarray.NDArray;

/**
 * HiResCAM (Draelos and Carin — "Use HiResCAM instead of Grad-CAM for faithful explanations of convolutional neural
 * networks", 2020): the gradient multiplies the activations element-wise instead of being averaged first,
 * <pre>L^c = ReLU( Σ_k ∂y^c/∂A_k ⊙ A_k ).</pre>
 * On a GAP + Linear head ∂y^c/∂A_k(i,j) = w_k^c / Z everywhere, so HiResCAM = Grad-CAM = ReLU(CAM) / Z there; with any
 * other head it shows exactly the positions the gradient weights, where Grad-CAM's average can blur them.
 */
public final class HiResCam extends PositionWeightedExplainer {
  @Override
  public String name() {
    return "hirescam";
  }

  @Override
  protected NDArray positionWeights(NDArray gradients) {
    return gradients;
  }
}
