package camlab.exercises.graders.localization;

/** Exercise 6.1: intersection over union of two boxes in inclusive pixel coordinates (ILSVRC devkit, wsolevaluation). */
@FunctionalInterface
public interface BoxIou {
  /**
   * IoU(A, B) = |A ∩ B| / (|A| + |B| − |A ∩ B|).
   *
   * <p>A box {@code {x0, y0, x1, y1}} covers the columns x0..x1 and the rows y0..y1 <em>inclusive</em>, so its width is
   * x1 − x0 + 1 and a box with x0 = x1 is one pixel wide. Corners are in order: x0 ≤ x1, y0 ≤ y1. Coordinates are ≥ 0 and a
   * box can be large (a gigapixel slide): its area can exceed {@link Integer#MAX_VALUE}.
   *
   * @param a {@code {x0, y0, x1, y1}}
   * @param b {@code {x0, y0, x1, y1}}
   * @return the IoU in [0, 1]: 0 for disjoint boxes, 1 for equal boxes; the arguments are left unchanged
   */
  double boxIou(int[] a, int[] b);
}
