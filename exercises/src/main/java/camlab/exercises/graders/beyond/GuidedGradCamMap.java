package camlab.exercises.graders.beyond;

import ai.djl.ndarray.NDArray;

/** Exercise 8.4: Guided Grad-CAM (Selvaraju et al., ICCV 2017, §3.1): Guided Backprop gated by Grad-CAM. */
@FunctionalInterface
public interface GuidedGradCamMap {
  /**
   * map(i, j) = max_c |R[c, i, j]| · up(L)(i, j), with R the guided gradient and up(L) the Grad-CAM map brought to the
   * input's H × W by bilinear upsampling with half-pixel centres (as exercise 2.3). Grad-CAM is non-negative, so this is
   * the paper's element-wise product R ⊙ up(L) shown as one map, as the library's {@code guided-gradcam} does.
   *
   * @param guidedGradients R, float32, shape [B,C,H,W]
   * @param gradCamMaps     L, float32, shape [B,h,w], non-negative (h ≤ H, w ≤ W)
   * @return float32, shape [B,H,W]; the arguments are left unchanged
   */
  NDArray guidedGradCam(NDArray guidedGradients, NDArray gradCamMaps);
}
