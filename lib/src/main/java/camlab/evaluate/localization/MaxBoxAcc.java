package camlab.evaluate.localization;

/**
 * MaxBoxAcc (Choe et al., CVPR 2020): box accuracy at the best score-map threshold, so that no method is judged
 * at a threshold that happens to suit another one.
 *
 * <pre>
 * MaxBoxAcc = max_τ BoxAcc(τ, δ = 0.5)     with the largest connected component's box
 * </pre>
 *
 * See {@link BoxAccuracy} for BoxAcc. This is a GT-known measure: the maps are those of the ground-truth class.
 */
public final class MaxBoxAcc {
  /** The IoU threshold of the CVPR-2020 metric. */
  public static final double IOU_THRESHOLD = 0.5;

  /** The value in percent and the (smallest) threshold τ that reaches it. */
  public record Result(double value, double threshold) {}

  private MaxBoxAcc() {}

  public static Result of(BoxAccuracy accuracy) {
    return best(accuracy.curve(BoxAccuracy.Mode.LARGEST, IOU_THRESHOLD), accuracy.thresholds());
  }

  /** The maximum of a curve and the first τ where it is reached (numpy's argmax picks the first, too). */
  static Result best(double[] curve, double[] thresholds) {
    int best = 0;
    for (int k = 1; k < curve.length; k++) {
      if (curve[k] > curve[best]) best = k;
    }
    return new Result(curve[best], thresholds[best]);
  }
}
