package camlab.evaluate;

import camlab.explain.ActivationMaps;
import camlab.ops.kernels.HostLoops;

/**
 * Score maps as the metrics take them: one row-major {@code height × width} float array per image, values in
 * [0, 1], at the image's resolution.
 *
 * <p>{@link #forEvaluation} builds them the way wsolevaluation does: resize the raw map to the image size
 * with bicubic interpolation, then min–max normalise each map (a constant map becomes all zeros).
 * {@link #check} is wsolevaluation's {@code check_scoremap_validity}: a NaN or a value outside [0, 1] is an
 * error, never silently repaired.
 */
public final class ScoreMaps {
  private ScoreMaps() {}

  /**
   * Raw maps → evaluation maps: {@code upsample(height, width, BICUBIC)} then {@code normalize(MIN_MAX)}, copied to
   * the host. The intermediate arrays live in the maps' manager.
   *
   * @return {@code [B][height·width]}, row-major, each in [0, 1]
   */
  public static float[][] forEvaluation(ActivationMaps raw, int height, int width) {
    ActivationMaps ready = raw.upsample(height, width, ActivationMaps.Interpolation.BICUBIC)
        .normalize(ActivationMaps.Normalization.MIN_MAX);
    return flatten(ready.toHost());
  }

  /** {@code [B][h][w]} → {@code [B][h·w]} row-major. */
  public static float[][] flatten(float[][][] maps) {
    float[][] flat = new float[maps.length][];
    for (int b = 0; b < maps.length; b++) {
      int h = maps[b].length;
      int w = maps[b][0].length;
      flat[b] = new float[h * w];
      for (int y = 0; y < h; y++) System.arraycopy(maps[b][y], 0, flat[b], y * w, w);
    }
    return flat;
  }

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
          + " (one per image pixel). Upsample the maps to the image size first (ScoreMaps.forEvaluation).");
    }
    for (int p = 0; p < map.length; p++) {
      float v = map[p];
      if (Float.isNaN(v)) {
        throw new IllegalArgumentException(what + " contains NaN at pixel " + p
            + ". Metrics need finite maps: check the model's output for this image (NaN logits or activations).");
      }
      if (!(v >= 0f && v <= 1f)) {
        throw new IllegalArgumentException(what + " has the value " + v + " at pixel " + p
            + ", outside [0, 1]. Normalise the maps first (ScoreMaps.forEvaluation, or ActivationMaps.normalize(MIN_MAX)).");
      }
    }
  }
}
