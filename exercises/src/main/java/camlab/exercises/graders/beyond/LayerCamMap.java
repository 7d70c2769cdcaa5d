package camlab.exercises.graders.beyond;

import ai.djl.ndarray.NDArray;

/** Exercise 8.1: the LayerCAM map from the activations and their gradients (Jiang et al., IEEE TIP 2021, eq. 6–7). */
@FunctionalInterface
public interface LayerCamMap {
  /**
   * L(i, j) = ReLU( Σ_k ReLU(g_k(i, j)) · A_k(i, j) ): every position keeps its own positive gradient as its weight,
   * instead of one weight per channel. Activations may have either sign (a layer before its ReLU).
   *
   * @param activations A, float32, shape [B,K,h,w]
   * @param gradients   g = ∂y^c/∂A, float32, shape [B,K,h,w]
   * @return L, float32, shape [B,h,w]; the arguments are left unchanged
   */
  NDArray layerCamMap(NDArray activations, NDArray gradients);
}
