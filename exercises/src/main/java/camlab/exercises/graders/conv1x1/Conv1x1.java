package camlab.exercises.graders.conv1x1;

import ai.djl.ndarray.NDArray;

/** Exercise 5.1: a 1×1 convolution is one matrix product per position (Network in Network; ACoL §3.1). */
@FunctionalInterface
public interface Conv1x1 {
  /**
   * S_c(i, j) = Σ_k W_ck · A_k(i, j) + b_c for every image.
   *
   * @param features A, float32, shape [B,K,h,w]
   * @param weight   W, float32, shape [C,K] (the 1×1 convolution's kernel [C,K,1,1] without its two unit axes)
   * @param bias     b, float32, shape [C]
   * @return the class maps S, float32, shape [B,C,h,w]; the arguments are left unchanged
   */
  NDArray conv1x1(NDArray features, NDArray weight, NDArray bias);
}
