package camlab.exercises.graders.gradcam;

import ai.djl.ndarray.NDArray;

/** Exercise 3.3: the counterfactual map — Grad-CAM with negated gradients (Selvaraju et al. 2017, §5.2). */
@FunctionalInterface
public interface CounterfactualMap {
  /**
   * L_cf(i, j) = ReLU( Σ_k (−α_k) · A_k(i, j) ): the regions whose removal would make the model more
   * confident in the class.
   *
   * @param activations A, float32, shape [B,K,h,w]; of either sign when the model is split before a ReLU
   * @param weights     α, Grad-CAM's channel weights (from the gradients, not negated), float32, shape [B,K]
   * @return L_cf, float32, shape [B,h,w]; the arguments are left unchanged
   */
  NDArray counterfactualMap(NDArray activations, NDArray weights);
}
