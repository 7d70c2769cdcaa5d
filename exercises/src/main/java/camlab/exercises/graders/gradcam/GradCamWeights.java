package camlab.exercises.graders.gradcam;

import ai.djl.ndarray.NDArray;

import camlab.model.Classifier;

/** Exercise 3.1: Grad-CAM's channel weights, from the gradient of a class score (Selvaraju et al. 2017, eq. 1). */
@FunctionalInterface
public interface GradCamWeights {
  /**
   * α_k = (1 / (h·w)) · Σ_i Σ_j ∂y^c / ∂A_k(i, j), where y^c is the logit of class c computed by the
   * model's head from the activations A.
   *
   * @param model       the classifier whose head turns activations into logits
   * @param activations A, the activations at the model's split, float32, shape [B,K,h,w]
   * @param classIndex  c, the class whose logit is differentiated (the same for every image)
   * @return α, float32, shape [B,K]: one weight per image and channel; the activations are left unchanged
   */
  NDArray gradCamWeights(Classifier model, NDArray activations, int classIndex);
}
