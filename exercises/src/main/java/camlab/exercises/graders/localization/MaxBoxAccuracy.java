package camlab.exercises.graders.localization;

/** Exercise 6.3: MaxBoxAcc over a grid of thresholds (Choe et al., "Evaluating WSOL Methods Right", CVPR 2020). */
@FunctionalInterface
public interface MaxBoxAccuracy {
  /**
   * MaxBoxAcc = max over τ in {@code thresholds} of BoxAcc(τ), with
   * BoxAcc(τ) = 100 · (1/N) · Σ_n 1[ IoU(box(s_n, τ), B_n) ≥ δ ].
   *
   * <p>box(s, τ) is the box of the largest 8-connected component of {s > τ · max s} — exercise 6.2, which the library
   * provides as {@code MapBoxes.largestComponentBox(map, height, width, τ)} — and an image whose map has no pixel
   * above the threshold has no box: it is a miss, and still counts in N. IoU is exercise 6.1 ({@code Box.iou}).
   * One τ is used for all N images at a time.
   *
   * @param maps N maps, each row-major {@code height × width}, values ≥ 0
   * @param boxes N ground-truth boxes {@code {x0, y0, x1, y1}}, inclusive pixel coordinates
   * @param thresholds the grid of τ, each in [0, 1)
   * @param iouThreshold δ, e.g. 0.5
   * @return MaxBoxAcc in percent (0..100); the arguments are left unchanged
   */
  double maxBoxAcc(float[][] maps, int height, int width, int[][] boxes, double[] thresholds, double iouThreshold);
}
