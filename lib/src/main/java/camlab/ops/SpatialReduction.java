package camlab.ops;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import camlab.ops.kernels.MapKernels;

/**
 * The sum and the mean over the h·w positions of each channel, {@code [B, K, h, w]} → {@code [B, K]}, on the
 * {@linkplain MapKernels#active() active kernels} (small arrays on the CPU take them as one matrix product, which does
 * not wake PyTorch's threads; see {@code FastKernels}). Nothing here uses a Java number as an operand: DJL puts it in
 * a direct buffer the engine only borrows, which a backward pass could read after it was freed.
 */
public final class SpatialReduction {
  private SpatialReduction() {}

  /** Σ over the positions of each channel: {@code [B, K, h, w]} → {@code [B, K]}, in x's manager. */
  public static NDArray sum(NDArray x) {
    return MapKernels.active().spatialSum(checked(x));
  }

  /** The mean over the positions of each channel: {@code [B, K, h, w]} → {@code [B, K]}, in x's manager. */
  public static NDArray mean(NDArray x) {
    return MapKernels.active().spatialMean(checked(x));
  }

  private static NDArray checked(NDArray x) {
    Shape shape = x.getShape();
    if (shape.dimension() != 4) {
      throw new IllegalArgumentException("A sum over positions needs [batch, channels, height, width] activations; got " + shape + ".");
    }
    return x;
  }
}
