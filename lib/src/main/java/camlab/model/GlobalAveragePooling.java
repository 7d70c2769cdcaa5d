package camlab.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.LambdaBlock;
import camlab.ops.SpatialReduction;

/**
 * Global average pooling (Lin, Chen, Yan — Network in Network, 2014):
 * <pre>GAP(A)_k = (1 / (h·w)) · Σ_i Σ_j A_k[i, j]</pre>
 * turning activations {@code [B, K, h, w]} into one number per channel {@code [B, K]}. It has no
 * parameters, and because it is linear, a Linear layer after it can be moved in front of it — which is
 * why CAM works.
 */
public final class GlobalAveragePooling extends LambdaBlock {
  public GlobalAveragePooling() {
    super(inputs -> new NDList(pool(inputs.singletonOrThrow())), "GlobalAveragePooling");
  }

  /** GAP of {@code [B, K, h, w]} activations → {@code [B, K]}, in the activations' manager. */
  public static NDArray pool(NDArray activations) {
    if (activations.getShape().dimension() != 4) {
      throw new IllegalArgumentException("Global average pooling needs [batch, channels, height, width] activations; got "
          + activations.getShape() + ".");
    }
    // a matrix product, not the engine's mean: see SpatialReduction (and never a Java-number divisor: DJL
    // puts it in a direct buffer the engine only borrows, and the backward pass could read it after it was freed)
    return SpatialReduction.mean(activations);
  }
}
