package camlab.ops;

import camlab.ops.kernels.HostLoops;

/**
 * Score maps as the metrics take them: one row-major {@code height × width} float array per image, values in
 * [0, 1], at the image's resolution.
 *
 * <p>The explainers' {@code ActivationMaps.forEvaluation} builds them the way wsolevaluation does: resize the raw map
 * to the image size with bicubic interpolation, then min–max normalise each map (a constant map becomes all zeros).
 * {@link #check} is wsolevaluation's {@code check_scoremap_validity}: a NaN or a value outside [0, 1] is an
 * error, never silently repaired.
 */
public final class ScoreMaps {
  private ScoreMaps() {}

  /**
   * Min–max normalisation of one map onto [0, 1], a copy: the library's one host min–max, so a constant map becomes
   * zeros (wsolevaluation's rule) and NaN or ±Inf is an error.
   */
  public static float[] minMax(float[] map) {
    float[] out = map.clone();
    HostLoops.minMaxInPlace(out, 1, out.length);
    return out;
  }

  /**
   * Rejects a map that is not {@code pixels} long, holds NaN or ±Inf, or leaves [0, 1].
   *
   * @param what names the map in the message, e.g. "the score map of test sample 17"
   */
  public static void check(float[] map, int pixels, String what) {
    if (map == null || map.length != pixels) {
      throw new IllegalArgumentException(what + " has " + (map == null ? "no" : map.length) + " values; expected " + pixels
          + " (one per image pixel). Upsample the maps to the image size first (ActivationMaps.forEvaluation).");
    }
    for (int p = 0; p < map.length; p++) {
      float v = map[p];
      if (Float.isNaN(v)) {
        throw new IllegalArgumentException(what + " contains NaN at pixel " + p
            + ". Metrics need finite maps: check the model's output for this image (NaN logits or activations).");
      }
      if (!(v >= 0f && v <= 1f)) {
        throw new IllegalArgumentException(what + " has the value " + v + " at pixel " + p
            + ", outside [0, 1]. Normalise the maps first (ActivationMaps.forEvaluation, or ActivationMaps.normalize(MIN_MAX)).");
      }
    }
  }
}
