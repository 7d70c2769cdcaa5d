package camlab.exercises.graders.cam;

import ai.djl.ndarray.NDArray;

/** Exercise 2.2: min–max normalisation of one map, with the guard for constant maps. */
@FunctionalInterface
public interface MinMaxNormalize {
  /**
   * (M − min M) / (max M − min M), so the smallest value becomes 0 and the largest 1. A constant map
   * (max = min) has nothing that stands out: it becomes all zeros, never NaN.
   *
   * @param map M, shape [h,w]
   * @return shape [h,w], values in [0, 1]; the argument is left unchanged
   */
  NDArray minMaxNormalize(NDArray map);
}
