package camlab.evaluate.localization;

/**
 * Top-1 localization accuracy (the ILSVRC CLS-LOC rule with one guess): the top-1 class is right <em>and</em> its
 * box matches a ground-truth box.
 *
 * <pre>
 * Top-1 Loc = 100 · (1/N) Σ_n 1[argmax_c f(x_n) = y_n] · 1[ IoU(box(s_n, τ*), B_n) ≥ 0.5 ]
 * </pre>
 *
 * When the prediction is right, the predicted class's map is the ground-truth class's map, so the box is the one
 * {@link GtKnownLoc} scores; τ* is the same validation-chosen threshold. Top-1 Loc ≤ min(GT-known Loc, accuracy).
 */
public final class Top1Loc {
  private Top1Loc() {}

  /** Top-1 Loc in percent on the accumulated (test) images at threshold {@code tau}. */
  public static double at(BoxAccuracy test, double tau) {
    return test.top1Curve(BoxAccuracy.Mode.LARGEST, MaxBoxAcc.IOU_THRESHOLD)[test.thresholdIndex(tau)];
  }
}
