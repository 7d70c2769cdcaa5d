package camlab.exercises.graders.acol;

import ai.djl.ndarray.NDArray;

/** Exercise 4.1: ACoL's erasing mask from classifier A's maps and the threshold δ (Zhang et al. 2018). */
@FunctionalInterface
public interface ErasingMask {
  /**
   * Normalise each map to [0, 1] on its own (min–max; a constant map, max = min, becomes zeros; a map whose range is
   * tiny but not 0 is normalised like any other), then mask(i, j) = 0 where the normalised value is ≥ δ (erased) and 1
   * where it is below δ (kept).
   *
   * @param maps  classifier A's map of the class for each image, float32, shape [B,h,w]
   * @param delta δ, the erasing threshold, in (0, 1]
   * @return float32 0s and 1s, shape [B,h,w]; the argument is left unchanged
   */
  NDArray erasingMask(NDArray maps, float delta);
}
