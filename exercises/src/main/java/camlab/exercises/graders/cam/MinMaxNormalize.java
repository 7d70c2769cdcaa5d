package camlab.exercises.graders.cam;

import ai.djl.ndarray.NDArray;

/** Exercise 2.2: min–max normalisation of one map, with the guard for constant maps. */
@FunctionalInterface
public interface MinMaxNormalize {
  /**
   * (M − min M) / (max M − min M), so the smallest value becomes 0 and the largest 1. A constant map
   * (max = min) has nothing that stands out: it becomes all zeros, never NaN. Only max = min is constant: a map whose
   * range is tiny but not 0 (say 10⁻⁸) is normalised like any other.
   *
   * @param map M, float32, shape [h,w]
   * @return float32, shape [h,w], values in [0, 1]; the argument is left unchanged
   */
  NDArray minMaxNormalize(NDArray map);
}
