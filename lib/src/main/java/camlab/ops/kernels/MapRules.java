package camlab.ops.kernels;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/**
 * The rules every min–max normalisation follows, on the engine or on the host: a constant map becomes all zeros,
 * never NaN, and a map holding NaN or ±Inf is an error that names it.
 */
public final class MapRules {
  /** Two values closer than this fraction of the map's magnitude count as equal: float rounding, not signal. */
  public static final float CONSTANT_TOLERANCE = 1e-6f;

  private MapRules() {}

  /**
   * What a map with this min and max is divided by: its range, or +∞ for a constant map (which becomes exactly 0).
   * "Constant" means max − min ≤ 10⁻⁶ · max(|max|, |min|), so float rounding noise on a flat map is not blown up into
   * a pattern.
   */
  public static float rangeDivisor(float lo, float hi) {
    float range = hi - lo;
    boolean varies = range > CONSTANT_TOLERANCE * Math.max(Math.abs(hi), Math.abs(lo));
    return varies ? range : Float.POSITIVE_INFINITY;
  }

  /** The error for map {@code map} of a batch holding NaN or ±Inf. */
  public static String nonFiniteMessage(int map) {
    return "Map " + map + " of the batch contains NaN or Inf values; check the model's output and the inputs (are they finite, preprocessed?).";
  }

  /** Rejects {@code [B, h, w]} maps that hold NaN or ±Inf, naming the first bad map. */
  public static void checkFinite(NDArray maps) {
    NDArray bad = maps.isNaN().logicalOr(maps.isInfinite());
    if (bad.any().getBoolean()) {
      long batch = maps.getShape().get(0);
      long[] badPerMap = bad.reshape(batch, -1).toType(DataType.INT64, false).sum(new int[] {1}).toLongArray();
      int first = 0;
      while (badPerMap[first] == 0) first++;
      throw new IllegalArgumentException(nonFiniteMessage(first));
    }
  }
}
