package camlab.exercises.graders.localization;

/** Exercise 6.2: the box of the largest connected region above a fraction of the map's maximum (CAM, Grad-CAM). */
@FunctionalInterface
public interface LargestComponentBox {
  /**
   * Foreground = the pixels whose value is strictly greater than {@code fraction · max(map)}; split it into
   * 8-connected components (pixels touching by an edge or a corner belong together); return the tight box of the
   * component with the most pixels. If two components tie for the most pixels, either box is accepted. Maps can be large
   * (512 × 512, one component of 10⁵ pixels).
   *
   * @param map row-major {@code height × width} values ≥ 0: pixel (x, y) — column x, row y — is {@code map[y·width + x]}
   * @param fraction e.g. 0.20 (CAM) or 0.15 (Grad-CAM)
   * @return {@code {x0, y0, x1, y1}} in inclusive pixel coordinates, or an empty array {@code new int[0]} when no pixel
   *     is above the threshold (an all-zero map); the map is left unchanged
   */
  int[] largestComponentBox(float[] map, int height, int width, double fraction);
}
