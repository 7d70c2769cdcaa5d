package camlab.exercises.graders.trust;

/** Exercise 7.2: Spearman's rank correlation with tied values (the sanity checks' similarity, Adebayo et al. 2018). */
@FunctionalInterface
public interface SpearmanCorrelation {
  /**
   * ρ(a, b) = Pearson(rank(a), rank(b)). Ranks go from the smallest value to the largest; tied values share the
   * average of the ranks they occupy ([10, 20, 20, 5] → [2, 3.5, 3.5, 1]), as scipy's {@code spearmanr}. Values are tied
   * only when equal: values that differ by very little (10⁻⁹) still get ranks of their own.
   *
   * @param a values, e.g. a map's pixels; same length as b, at least 2
   * @param b values
   * @return ρ in [−1, 1], or NaN when a or b is constant (a constant has no ranking); the arguments are left unchanged
   */
  double spearman(float[] a, float[] b);
}
