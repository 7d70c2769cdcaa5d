package camlab.ops.kernels;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import camlab.util.HostToEngine;

/**
 * Bilinear upsampling and min–max normalisation of maps in CPU memory, as one loop over a Java array: one copy out,
 * one copy back. A batch of maps is small (a 64×64 map is 4,096 numbers), so on the CPU the engine path's time goes
 * to the fixed cost of its dozen calls, not to the arithmetic; {@link FastKernels} decides when that holds.
 *
 * <p>The arithmetic is PyTorch's, in float32 and in the same order — with the fused multiply-adds of its AVX2
 * and AVX-512 kernels — so both paths give the same maps, bit for bit on this project's machines (the tests
 * compare them with {@link ReferenceKernels} on random batches).
 */
public final class HostLoops {
  private HostLoops() {}

  /**
   * Bilinear enlargement ({@code height ≥ h}, {@code width ≥ w}) with half-pixel centres (align_corners = false),
   * as PyTorch's CPU kernel computes it: along each axis, output index o reads input position
   * {@code s = (in/out)·(o + ½) − ½} (negative positions clamp to 0) from pixels {@code i0 = min(⌊s⌋, in − 1)} and
   * {@code i1 = min(i0 + 1, in − 1)} with weights {@code 1 − λ} and {@code λ = s − i0}; a pixel is
   * {@code (x[y0,x0]·u0 + x[y0,x1]·u1)·v0 + (x[y1,x0]·u0 + x[y1,x1]·u1)·v1}, each "a·b + c·d" a fused
   * {@code fma(c, d, a·b)}. Computed rows first: each input row is interpolated along x once, and an output row
   * blends two of those rows — the same operations on the same values as the formula, so the same bits, with less
   * arithmetic (2.5 operations per pixel rather than 6 for a 4× enlargement) and an inner loop over consecutive
   * values.
   */
  static NDArray upsampleBilinear(NDArray maps, int height, int width) {
    return HostToEngine.floats(maps.getManager(), upsampled(maps, height, width), upsampledShape(maps, height, width));
  }

  /**
   * {@link #upsampleBilinear} then {@link #minMaxNormalize} in one pass: the upsampled maps are normalised where they
   * are, in Java, so they make one trip back to the engine instead of going there, coming back and going again.
   * The same float operations in the same order: the same maps, bit for bit.
   */
  static NDArray upsampleBilinearThenMinMax(NDArray maps, int height, int width) {
    float[] values = upsampled(maps, height, width);
    minMaxInPlace(values, (int) maps.getShape().get(0), height * width);
    return HostToEngine.floats(maps.getManager(), values, upsampledShape(maps, height, width));
  }

  private static Shape upsampledShape(NDArray maps, int height, int width) {
    return new Shape(maps.getShape().get(0), height, width);
  }

  private static float[] upsampled(NDArray maps, int height, int width) {
    long[] s = maps.getShape().getShape();
    int batch = (int) s[0];
    int h = (int) s[1];
    int w = (int) s[2];
    float[] in = maps.toFloatArray();
    float[] out = new float[batch * height * width];
    Axis rows = new Axis(h, height);
    Axis cols = new Axis(w, width);
    float[] wide = new float[h * width]; // the input rows of one map, interpolated along x
    for (int b = 0; b < batch; b++) {
      for (int r = 0; r < h; r++) {
        int row = b * h * w + r * w;
        for (int x = 0; x < width; x++) {
          wide[r * width + x] = Math.fma(in[row + cols.i1[x]], cols.w1[x], in[row + cols.i0[x]] * cols.w0[x]);
        }
      }
      int o = b * height * width;
      for (int y = 0; y < height; y++) {
        int top = rows.i0[y] * width;
        int bottom = rows.i1[y] * width;
        float v0 = rows.w0[y];
        float v1 = rows.w1[y];
        for (int x = 0; x < width; x++) out[o++] = Math.fma(wide[bottom + x], v1, wide[top + x] * v0);
      }
    }
    return out;
  }

  /** Min–max normalisation per map, with {@link MapRules}' rules for constant and non-finite maps. */
  static NDArray minMaxNormalize(NDArray maps) {
    long[] s = maps.getShape().getShape();
    float[] values = maps.toFloatArray();
    minMaxInPlace(values, (int) s[0], (int) (s[1] * s[2]));
    return HostToEngine.floats(maps.getManager(), values, maps.getShape());
  }

  /**
   * Normalises each of the {@code batch} maps of {@code size} values in {@code v}, in place, with {@link MapRules}'
   * rules: a constant map becomes zeros, a NaN or ±Inf is an error naming its map.
   */
  public static void minMaxInPlace(float[] v, int batch, int size) {
    for (int b = 0; b < batch; b++) {
      int from = b * size;
      float lo = Float.POSITIVE_INFINITY;
      float hi = Float.NEGATIVE_INFINITY;
      for (int i = from; i < from + size; i++) {
        lo = Math.min(lo, v[i]);
        hi = Math.max(hi, v[i]);
      }
      // Math.min and max carry a NaN through and an infinity lands in lo or hi, so one test after the loop finds any
      // non-finite value and the inner loop stays two comparisons per value
      if (!Float.isFinite(lo) || !Float.isFinite(hi)) throw new IllegalArgumentException(MapRules.nonFiniteMessage(b));
      float divisor = MapRules.rangeDivisor(lo, hi);
      for (int i = from; i < from + size; i++) v[i] = (v[i] - lo) / divisor;
    }
  }

  /** The source pixels and weights of each output index along one axis (PyTorch's compute_indices_weights_linear). */
  private static final class Axis {
    final int[] i0;
    final int[] i1;
    final float[] w0;
    final float[] w1;

    Axis(int in, int out) {
      i0 = new int[out];
      i1 = new int[out];
      w0 = new float[out];
      w1 = new float[out];
      float scale = (float) in / out;
      for (int o = 0; o < out; o++) {
        float source = Math.max(scale * (o + 0.5f) - 0.5f, 0f);
        int index = Math.min((int) Math.floor(source), in - 1);
        float lambda = Math.min(Math.max(source - index, 0f), 1f);
        i0[o] = index;
        i1[o] = index + (index < in - 1 ? 1 : 0);
        w0[o] = 1f - lambda;
        w1[o] = lambda;
      }
    }
  }
}
