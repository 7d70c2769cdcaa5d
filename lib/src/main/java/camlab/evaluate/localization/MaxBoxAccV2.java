package camlab.evaluate.localization;

import java.util.List;

/**
 * MaxBoxAccV2 (Choe et al., TPAMI 2022; wsolevaluation's recommended box metric): MaxBoxAcc averaged over three IoU
 * thresholds, with every connected component proposing a box.
 *
 * <pre>
 * MaxBoxAccV2 = (1/3) Σ_{δ ∈ {0.3, 0.5, 0.7}} max_τ BoxAcc_all(τ, δ)
 *
 * BoxAcc_all(τ, δ): an image counts when the best-matching box among all components of {s > τ} has IoU ≥ δ
 * </pre>
 *
 * Each δ takes its own best τ. See {@link BoxAccuracy} for the threshold rule.
 */
public final class MaxBoxAccV2 {
  /** The three IoU thresholds averaged over. */
  public static final List<Double> IOU_THRESHOLDS = BoxAccuracy.DEFAULT_IOU_THRESHOLDS;

  private MaxBoxAccV2() {}

  /** MaxBoxAccV2 in percent. */
  public static double of(BoxAccuracy accuracy) {
    double sum = 0;
    for (double delta : IOU_THRESHOLDS) {
      sum += MaxBoxAcc.best(accuracy.curve(BoxAccuracy.Mode.ALL_COMPONENTS, delta), accuracy.thresholds()).value();
    }
    return sum / IOU_THRESHOLDS.size();
  }
}
