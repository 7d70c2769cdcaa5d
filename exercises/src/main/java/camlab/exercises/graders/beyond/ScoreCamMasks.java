package camlab.exercises.graders.beyond;

import ai.djl.ndarray.NDArray;

/** Exercise 8.2: the masked inputs of Score-CAM (Wang et al., CVPR Workshops 2020, Algorithm 1). */
@FunctionalInterface
public interface ScoreCamMasks {
  /**
   * For every image b and channel k: H_k = min–max( up(A_k) ), with up = bilinear upsampling to the input's H × W with
   * half-pixel centres (align_corners = false, as exercise 2.3 and {@code MapOps.upsampleBilinear}), and min–max taken over
   * the H × W positions of that one upsampled channel. A constant upsampled channel (max = min) gives H_k = 0 everywhere,
   * never NaN; a channel whose range is tiny but not 0 is scaled like any other. The result is x_b ⊙ H_k, the mask
   * multiplying every input channel.
   *
   * @param images      x, float32, shape [B,C,H,W]
   * @param activations A, float32, shape [B,K,h,w] (h ≤ H, w ≤ W)
   * @return the masked images, float32, shape [B,K,C,H,W]; the arguments are left unchanged
   */
  NDArray scoreCamMasks(NDArray images, NDArray activations);
}
