package camlab.exercises.graders.cam;

import ai.djl.ndarray.NDArray;

/** Exercise 2.1: the class activation map of one image for one class (Zhou et al. 2016, eq. 2). */
@FunctionalInterface
public interface ClassActivationMap {
  /**
   * M(i,j) = Σ_k w_k · A_k(i,j).
   *
   * @param features     A, the last conv layer's activations of one image, float32, shape [K,h,w]
   * @param classWeights w, the class's row of the classifier's Linear weight, float32, shape [K]
   * @return M, float32, shape [h,w]; the arguments are left unchanged
   */
  NDArray classActivationMap(NDArray features, NDArray classWeights);
}
