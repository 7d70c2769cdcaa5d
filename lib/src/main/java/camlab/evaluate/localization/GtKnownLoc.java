package camlab.evaluate.localization;

/**
 * GT-known localization accuracy: the box drawn from the ground-truth class's map matches a ground-truth box,
 * whatever the model predicts.
 *
 * <pre>
 * GT-known Loc = BoxAcc(τ*, δ = 0.5)   with the largest connected component's box
 * τ*           = argmax_τ BoxAcc_val(τ, 0.5)   chosen on the validation split, never on the test split
 * </pre>
 *
 * Choe et al.'s protocol: the operating threshold is a hyper-parameter, so it is tuned on a small held-out split
 * with boxes ({@code LocalizationSet.Split.VAL}) and then fixed for the test split. Ties go to the smallest τ.
 */
public final class GtKnownLoc {
  private GtKnownLoc() {}

  /** τ* from box accuracies accumulated on the validation split. */
  public static double chooseThreshold(BoxAccuracy validation) {
    return MaxBoxAcc.best(validation.curve(BoxAccuracy.Mode.LARGEST, MaxBoxAcc.IOU_THRESHOLD), validation.thresholds()).threshold();
  }

  /** GT-known Loc in percent on the accumulated (test) images at threshold {@code tau}. */
  public static double at(BoxAccuracy test, double tau) {
    return test.curve(BoxAccuracy.Mode.LARGEST, MaxBoxAcc.IOU_THRESHOLD)[test.thresholdIndex(tau)];
  }
}
