package camlab.ops.kernels;

import ai.djl.modality.cv.Image;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import camlab.util.HostToEngine;

/**
 * The straightforward NDArray version of each operation: what the fast path is tested against, and what runs on a
 * GPU, where every map stays on the device.
 */
public final class ReferenceKernels implements MapKernels {
  static final ReferenceKernels INSTANCE = new ReferenceKernels();

  private ReferenceKernels() {}

  /**
   * (M − min M) / (max M − min M) per map. The per-map decisions need 2·B numbers, not the maps: they are read back
   * and decided on the host, which costs fewer engine calls than the same arithmetic on {@code [B, 1]} arrays.
   */
  @Override
  public NDArray minMaxNormalize(NDArray maps) {
    long batch = maps.getShape().get(0);
    NDArray flat = maps.reshape(batch, -1);
    NDArray min = flat.min(new int[] {1}, true);
    NDArray max = flat.max(new int[] {1}, true);
    // two plain copies back: a concat first costs more
    float[] lo = min.toFloatArray();
    float[] hi = max.toFloatArray();
    float[] divisor = new float[(int) batch];
    boolean allVary = true;
    for (int b = 0; b < batch; b++) {
      // min and max propagate NaN and ±Inf, so a finite range clears a map without a pass over its pixels
      if (!Float.isFinite(hi[b] - lo[b])) MapRules.checkFinite(maps);
      divisor[b] = MapRules.rangeDivisor(lo[b], hi[b]);
      allVary &= Float.isFinite(divisor[b]);
    }
    NDArray scaled = flat.sub(min);
    // the usual case, no constant map: the ranges are max − min on the device, the same float subtraction as on the
    // host, and no array has to be made from Java numbers
    NDArray divisors = allVary ? max.sub(min)
        : HostToEngine.floats(maps.getManager(), divisor, new Shape(batch, 1)).toDevice(scaled.getDevice(), false);
    return scaled.divi(divisors).reshape(maps.getShape());
  }

  /** The engine's own interpolation. */
  @Override
  public NDArray upsampleBilinear(NDArray maps, int height, int width) {
    return interpolate(maps, height, width, Image.Interpolation.BILINEAR);
  }

  @Override
  public NDArray upsampleBilinearThenMinMax(NDArray maps, int height, int width) {
    return minMaxNormalize(upsampleBilinear(maps, height, width));
  }

  /** The engine's sum over the last two axes. */
  @Override
  public NDArray spatialSum(NDArray x) {
    return x.sum(new int[] {2, 3});
  }

  /**
   * The sum times 1/(h·w), an array made in x's manager: never a Java-number operand, which DJL puts in a direct
   * buffer the engine only borrows, and which a backward pass could read after it was freed.
   */
  @Override
  public NDArray spatialMean(NDArray x) {
    Shape s = x.getShape();
    NDArray scale = x.getManager().full(new Shape(), 1f / (s.get(2) * s.get(3)), x.getDataType()).toDevice(x.getDevice(), false);
    return spatialSum(x).mul(scale);
  }

  /** Indexing with the array of row numbers. */
  @Override
  public NDArray rows(NDArray matrix, NDArray index) {
    return matrix.get(index.getManager(), new NDIndex("{}", index));
  }

  /** The product with the seed, summed, back-propagated: a scalar, as every engine's autograd takes it. */
  @Override
  public void backward(GradientCollector collector, NDArray scores, NDArray seed) {
    collector.backward(scores.mul(seed).sum());
  }

  /** The engine's interpolation of {@code [B, h, w]} maps to {@code height × width}, as float32. */
  public static NDArray interpolate(NDArray maps, int height, int width, Image.Interpolation mode) {
    NDArray nchw = maps.toType(DataType.FLOAT32, false).expandDims(1);
    NDArray up = nchw.getNDArrayInternal().interpolation(new long[] {height, width}, mode.ordinal(), false);
    return up.squeeze(1);
  }

  @Override
  public String toString() {
    return "reference";
  }
}
