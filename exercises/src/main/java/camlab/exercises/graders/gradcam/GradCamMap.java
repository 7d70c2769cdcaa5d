package camlab.exercises.graders.gradcam;

import ai.djl.ndarray.NDArray;

/** Exercise 3.2: the Grad-CAM map from the activations and the channel weights (Selvaraju et al. 2017, eq. 2). */
@FunctionalInterface
public interface GradCamMap {
  /**
   * L(i, j) = ReLU( Σ_k α_k · A_k(i, j) ), for every image of the batch with its own weights.
   *
   * @param activations A, float32, shape [B,K,h,w]
   * @param weights     α, float32, shape [B,K] (row b belongs to image b)
   * @return L, float32, shape [B,h,w]; the arguments are left unchanged
   */
  NDArray gradCamMap(NDArray activations, NDArray weights);
}
