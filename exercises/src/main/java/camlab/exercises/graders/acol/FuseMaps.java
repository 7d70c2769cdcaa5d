package camlab.exercises.graders.acol;

import ai.djl.ndarray.NDArray;

/** Exercise 4.3: ACoL's fused localization map from the maps of the two branches. */
@FunctionalInterface
public interface FuseMaps {
  /**
   * M = max( minmax(M_A), minmax(M_B) ), element by element, each map min–max normalised on its own
   * (a constant map, max = min, becomes zeros; a map whose range is tiny but not 0 is normalised like any other).
   *
   * @param mapsA classifier A's maps, float32, shape [B,h,w]
   * @param mapsB classifier B's maps, float32, shape [B,h,w]
   * @return the fused maps in [0, 1], float32, shape [B,h,w]; the arguments are left unchanged
   */
  NDArray fuseMaps(NDArray mapsA, NDArray mapsB);
}
