package camlab.exercises.graders.gap;

import ai.djl.ndarray.NDArray;

/** Exercise 1.1: global average pooling of one image's activations (Lin, Chen, Yan — Network in Network, 2014). */
@FunctionalInterface
public interface GlobalAveragePool {
  /**
   * GAP(A)_k = (1 / (h·w)) · Σ_i Σ_j A_k(i, j).
   *
   * <p>Grids can be large (1024 × 1024 positions): each mean must still be accurate to float precision.
   *
   * @param features A, the activations of one image, float32, shape [K,h,w]
   * @return one number per channel, float32, shape [K]; the argument is left unchanged
   */
  NDArray globalAveragePool(NDArray features);
}
