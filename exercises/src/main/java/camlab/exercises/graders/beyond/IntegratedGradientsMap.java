package camlab.exercises.graders.beyond;

import ai.djl.ndarray.NDArray;

import camlab.model.Classifier;

/** Exercise 8.5: Integrated Gradients (Sundararajan, Taly & Yan, ICML 2017, eq. 3) by the midpoint Riemann sum. */
@FunctionalInterface
public interface IntegratedGradientsMap {
  /**
   * From a black baseline (all zeros): IG(i, j) = Σ_ch x[ch, i, j] · (1/m) Σ_{k=1..m} ∂y^c/∂x[ch, i, j] evaluated at α_k·x,
   * with α_k = (k − ½)/m (the midpoint rule) and y^c the logit of class c. Completeness: Σ_ij IG(i, j) ≈ y^c(x) − y^c(0),
   * exactly so when the model is linear in x.
   *
   * @param model      the classifier: inside a {@code GradientCollector}, {@code model.logitsForInputGradients(leaf)} of
   *                   {@code leaf = model.inputGradientLeaf(images, "integrated-gradients")} gives logits whose backward pass
   *                   leaves ∂y/∂x in {@code leaf.getGradient()}
   * @param images     x, float32, shape [B,C,H,W]
   * @param classIndex c, the same for every image
   * @param steps      m ≥ 1
   * @return float32, shape [B,H,W]; the images are left unchanged
   */
  NDArray integratedGradients(Classifier model, NDArray images, int classIndex, int steps);
}
