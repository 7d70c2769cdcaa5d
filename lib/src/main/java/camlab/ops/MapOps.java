package camlab.ops;

import ai.djl.modality.cv.Image;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import camlab.util.HostToEngine;

/**
 * The post-processing steps of a batch of class maps, each on {@code [B, h, w]} float32 arrays.
 * Every result lives in the manager of its input.
 *
 * <p>The papers disagree on the order (the CAM demo normalises then resizes; wsolevaluation resizes
 * then normalises), so each step is separate and the explainers' {@code ActivationMaps} records the order used.
 */
public final class MapOps {
  /** Two values closer than this fraction of the map's magnitude count as equal: float rounding, not signal. */
  static final float CONSTANT_TOLERANCE = 1e-6f;

  private MapOps() {}

  /**
   * ReLU(M) = max(M, 0): keeps only the evidence for the class. The engine's relu, not {@code maximum(0f)}: DJL turns
   * every scalar operand into a new array, an extra engine call for nothing.
   */
  public static NDArray relu(NDArray maps) {
    return Activation.relu(maps);
  }

  /**
   * Min–max normalisation per map: (M − min M) / (max M − min M), in [0, 1].
   *
   * <p>A constant map becomes all zeros, never NaN. "Constant" means max − min ≤ 10⁻⁶ · max(|max|, |min|),
   * so float rounding noise on a flat map is not blown up into a pattern.
   *
   * @throws IllegalArgumentException if a map holds NaN or ±Inf
   */
  public static NDArray minMaxNormalize(NDArray maps) {
    checkShape(maps);
    return HostMapOps.applies(maps, maps.size()) ? HostMapOps.minMaxNormalize(maps) : minMaxNormalizeOnDevice(maps);
  }

  /** {@link #minMaxNormalize} as engine calls: the path of maps on a GPU, which never leave it. */
  static NDArray minMaxNormalizeOnDevice(NDArray maps) {
    checkShape(maps);
    long batch = maps.getShape().get(0);
    NDArray flat = maps.reshape(batch, -1);
    NDArray min = flat.min(new int[] {1}, true);
    NDArray max = flat.max(new int[] {1}, true);
    // the per-map decisions need 2·B numbers, not the maps: read them back and decide on the host, which costs
    // fewer engine calls than the same arithmetic on [B, 1] arrays (two plain copies: a concat first costs more)
    float[] lo = min.toFloatArray();
    float[] hi = max.toFloatArray();
    float[] divisor = new float[(int) batch];
    boolean allVary = true;
    for (int b = 0; b < batch; b++) {
      // min and max propagate NaN and ±Inf, so a finite range clears a map without a pass over its pixels
      if (!Float.isFinite(hi[b] - lo[b])) checkMaps(maps);
      divisor[b] = rangeDivisor(lo[b], hi[b]);
      allVary &= Float.isFinite(divisor[b]);
    }
    NDArray scaled = flat.sub(min);
    // the usual case, no constant map: the ranges are max − min on the device, the same float subtraction as on the
    // host, and no array has to be made from Java numbers
    NDArray divisors = allVary ? max.sub(min)
        : HostToEngine.floats(maps.getManager(), divisor, new Shape(batch, 1)).toDevice(scaled.getDevice(), false);
    return scaled.divi(divisors).reshape(maps.getShape());
  }

  /** What a map with this min and max is divided by: its range, or +∞ for a constant map (which becomes exactly 0). */
  static float rangeDivisor(float lo, float hi) {
    float range = hi - lo;
    boolean varies = range > CONSTANT_TOLERANCE * Math.max(Math.abs(hi), Math.abs(lo));
    return varies ? range : Float.POSITIVE_INFINITY;
  }

  /**
   * Division by the maximum per map: M / max M (the CAM ILSVRC code and Grad-CAM++ do this).
   * Meant for non-negative maps (apply {@link #relu} first); a map whose max is ≤ 0 becomes zeros.
   */
  public static NDArray maxNormalize(NDArray maps) {
    checkMaps(maps);
    long batch = maps.getShape().get(0);
    NDArray flat = maps.reshape(batch, -1);
    NDArray max = flat.max(new int[] {1}, true);
    NDArray positive = max.gt(0f).toType(DataType.FLOAT32, false);
    NDArray safeMax = max.mul(positive).add(positive.neg().add(1f)); // max where positive, else 1
    return flat.div(safeMax).mul(positive).reshape(maps.getShape());
  }

  /**
   * Bilinear upsampling of every map to {@code height × width} (PyTorch's {@code interpolate},
   * align_corners = false, the half-pixel convention of OpenCV's resize).
   */
  public static NDArray upsampleBilinear(NDArray maps, int height, int width) {
    checkSize(maps, height, width);
    return upsamplesOnHost(maps, height, width) ? HostMapOps.upsampleBilinear(maps, height, width)
        : upsampleBilinearOnDevice(maps, height, width);
  }

  /**
   * {@code minMaxNormalize(upsampleBilinear(maps, height, width))}, the same maps bit for bit. Where the upsampling runs
   * on the host, so does the normalisation, in the same pass: the maps go to the engine once, not twice.
   */
  public static NDArray upsampleBilinearThenMinMax(NDArray maps, int height, int width) {
    checkSize(maps, height, width);
    return upsamplesOnHost(maps, height, width) ? HostMapOps.upsampleBilinearThenMinMax(maps, height, width)
        : minMaxNormalize(upsampleBilinearOnDevice(maps, height, width));
  }

  /** Small enlargements of CPU maps; shrinking is left to the engine, whose kernel averages the covered pixels. */
  private static boolean upsamplesOnHost(NDArray maps, int height, int width) {
    boolean enlarges = height >= maps.getShape().get(1) && width >= maps.getShape().get(2);
    return enlarges && HostMapOps.applies(maps, maps.getShape().get(0) * height * width);
  }

  /** {@link #upsampleBilinear} as an engine call: the path of maps on a GPU. */
  static NDArray upsampleBilinearOnDevice(NDArray maps, int height, int width) {
    return interpolate(maps, height, width, Image.Interpolation.BILINEAR);
  }

  /**
   * Bicubic upsampling, then re-normalised: bicubic overshoots, so each output map is rescaled
   * affinely back onto the value range [min, max] of its input map (a [0, 1] map stays in [0, 1]).
   */
  public static NDArray upsampleBicubic(NDArray maps, int height, int width) {
    checkMaps(maps);
    long batch = maps.getShape().get(0);
    NDArray up = interpolate(maps, height, width, Image.Interpolation.BICUBIC);
    NDArray inFlat = maps.reshape(batch, -1);
    NDArray inMin = inFlat.min(new int[] {1}, true);
    NDArray inRange = inFlat.max(new int[] {1}, true).sub(inMin);
    NDArray unit = minMaxNormalize(up).reshape(batch, -1);
    return unit.mul(inRange).add(inMin).reshape(up.getShape());
  }

  private static NDArray interpolate(NDArray maps, int height, int width, Image.Interpolation mode) {
    checkSize(maps, height, width);
    NDArray nchw = maps.toType(DataType.FLOAT32, false).expandDims(1);
    NDArray up = nchw.getNDArrayInternal().interpolation(new long[] {height, width}, mode.ordinal(), false);
    return up.squeeze(1);
  }

  /** Rejects arrays that are not [B, h, w] or that hold NaN / ±Inf, naming the first bad map. */
  public static void checkMaps(NDArray maps) {
    checkShape(maps);
    NDArray bad = maps.isNaN().logicalOr(maps.isInfinite());
    if (bad.any().getBoolean()) {
      long batch = maps.getShape().get(0);
      long[] badPerMap = bad.reshape(batch, -1).toType(DataType.INT64, false).sum(new int[] {1}).toLongArray();
      int first = 0;
      while (badPerMap[first] == 0) first++;
      throw new IllegalArgumentException(nonFiniteMessage(first));
    }
  }

  static String nonFiniteMessage(int map) {
    return "Map " + map + " of the batch contains NaN or Inf values; check the model's output and the inputs (are they finite, preprocessed?).";
  }

  private static void checkSize(NDArray maps, int height, int width) {
    checkShape(maps);
    if (height <= 0 || width <= 0) {
      throw new IllegalArgumentException("Upsampling size must be positive; got " + height + "x" + width + ".");
    }
  }

  private static void checkShape(NDArray maps) {
    if (maps.getShape().dimension() != 3) {
      throw new IllegalArgumentException("Maps must be a [batch, height, width] array; got shape " + maps.getShape() + ".");
    }
    if (maps.getShape().get(0) == 0) {
      throw new IllegalArgumentException("The batch of maps is empty (shape " + maps.getShape() + "); pass at least one map.");
    }
  }
}
