package camlab.ops;

import ai.djl.modality.cv.Image;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Activation;
import camlab.ops.kernels.MapKernels;
import camlab.ops.kernels.MapRules;
import camlab.ops.kernels.ReferenceKernels;

/**
 * The post-processing steps of a batch of class maps, each on {@code [B, h, w]} float32 arrays.
 * Every result lives in the manager of its input.
 *
 * <p>The papers disagree on the order (the CAM demo normalises then resizes; wsolevaluation resizes
 * then normalises), so each step is separate and the explainers' {@code ActivationMaps} records the order used.
 * Min–max normalisation and bilinear upsampling run on the {@linkplain MapKernels#active() active kernels}: a faster
 * path for small batches on the CPU that gives the straightforward version's maps, bit for bit.
 */
public final class MapOps {
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
    return MapKernels.active().minMaxNormalize(maps);
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
    return MapKernels.active().upsampleBilinear(maps, height, width);
  }

  /**
   * {@code minMaxNormalize(upsampleBilinear(maps, height, width))}, the same maps bit for bit. Where the upsampling runs
   * on the host, so does the normalisation, in the same pass: the maps go to the engine once, not twice.
   */
  public static NDArray upsampleBilinearThenMinMax(NDArray maps, int height, int width) {
    checkSize(maps, height, width);
    return MapKernels.active().upsampleBilinearThenMinMax(maps, height, width);
  }

  /**
   * Bicubic upsampling, then re-normalised: bicubic overshoots, so each output map is rescaled
   * affinely back onto the value range [min, max] of its input map (a [0, 1] map stays in [0, 1]).
   */
  public static NDArray upsampleBicubic(NDArray maps, int height, int width) {
    checkMaps(maps);
    checkSize(maps, height, width);
    long batch = maps.getShape().get(0);
    NDArray up = ReferenceKernels.interpolate(maps, height, width, Image.Interpolation.BICUBIC);
    NDArray inFlat = maps.reshape(batch, -1);
    NDArray inMin = inFlat.min(new int[] {1}, true);
    NDArray inRange = inFlat.max(new int[] {1}, true).sub(inMin);
    NDArray unit = minMaxNormalize(up).reshape(batch, -1);
    return unit.mul(inRange).add(inMin).reshape(up.getShape());
  }

  /** Rejects arrays that are not [B, h, w] or that hold NaN / ±Inf, naming the first bad map. */
  public static void checkMaps(NDArray maps) {
    checkShape(maps);
    MapRules.checkFinite(maps);
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
