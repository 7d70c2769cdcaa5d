package camlab.ops.kernels;

import ai.djl.ndarray.NDArray;
import ai.djl.training.GradientCollector;

/**
 * The operations that have a faster path than their straightforward NDArray version, behind one interface — the
 * library's only speed-only code, and its only calls into the engine's internals:
 * {@link #reference()} is the straightforward version, {@link FastKernels} the measured faster one, which falls back
 * to the reference wherever it does not pay (large batches, arrays on a GPU). Callers go through {@link #active()},
 * so the whole library switches paths at once — the benchmark's {@code --kernels reference} and the tests use that.
 *
 * <p>Arguments are checked by the callers ({@code camlab.ops.MapOps}, {@code camlab.ops.SpatialReduction}); every
 * result lives in the manager of its input.
 */
public interface MapKernels {
  /** Min–max normalisation per map of {@code [B, h, w]} float32 maps; see {@link MapRules} for constant and non-finite maps. */
  NDArray minMaxNormalize(NDArray maps);

  /** Bilinear resizing of {@code [B, h, w]} maps, half-pixel centres (PyTorch's align_corners = false). */
  NDArray upsampleBilinear(NDArray maps, int height, int width);

  /** {@code minMaxNormalize(upsampleBilinear(maps, height, width))}, the same maps bit for bit. */
  NDArray upsampleBilinearThenMinMax(NDArray maps, int height, int width);

  /** Σ over the positions of each channel: {@code [B, K, h, w]} → {@code [B, K]}. */
  NDArray spatialSum(NDArray x);

  /** The mean over the positions of each channel, {@code Σ · (1/(h·w))}: {@code [B, K, h, w]} → {@code [B, K]}. */
  NDArray spatialMean(NDArray x);

  /**
   * Row {@code index[b]} of {@code matrix} for every b: {@code [C, K]} and int64 {@code [B]} → {@code [B, K]}, in the
   * index's manager (never in the matrix's); both on the same device. How CAM picks each image's class weights.
   */
  NDArray rows(NDArray matrix, NDArray index);

  /**
   * Back-propagates {@code Σ scores · seed} inside {@code collector}: the vector–Jacobian product {@code Jᵀ·seed}, for a
   * seed shaped and typed like the scores. How the gradient methods take every image's target score at once.
   */
  void backward(GradientCollector collector, NDArray scores, NDArray seed);

  /** The straightforward NDArray versions, every one an engine call or a few. */
  static MapKernels reference() {
    return ReferenceKernels.INSTANCE;
  }

  /** The kernels the library uses now: a process-wide {@link FastKernels} unless {@link #use} chose others. */
  static MapKernels active() {
    return ActiveKernels.get();
  }

  /**
   * Makes {@code kernels} the active ones until the returned scope is closed, which restores the previous ones. For a
   * benchmark or a test that runs one thing at a time: the choice is process-wide, not per thread.
   */
  static Scope use(MapKernels kernels) {
    return ActiveKernels.use(kernels);
  }

  /** Closing it restores the kernels that were active before {@link #use}. */
  interface Scope extends AutoCloseable {
    @Override
    void close();
  }
}
