package camlab.exercises.graders.trust;

/** Exercise 7.1: the area under a deletion (or insertion) curve, as RISE computes it (Petsiuk et al., BMVC 2018). */
@FunctionalInterface
public interface DeletionAuc {
  /**
   * The trapezoid rule on [0, 1] for a curve sampled at the n + 1 equally spaced points t/n, t = 0..n:
   * AUC = (1/n) · Σ_{t=1..n} (s_{t−1} + s_t) / 2 = (Σ_t s_t − s_0/2 − s_n/2) / n.
   *
   * <p>Curves can be long (50 177 points: one pixel deleted per step on a 224 × 224 image): the area must still be accurate to
   * 10⁻⁷.
   *
   * @param scores s_0..s_n, the class probability after deleting the fraction t/n of the pixels; at least 2 values
   * @return the area, in the units of the scores; the argument is left unchanged
   */
  double deletionAuc(double[] scores);
}
