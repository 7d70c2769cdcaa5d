package camlab.exercises.graders.trust;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import camlab.evaluate.sanity.Spearman;
import camlab.exercises.graders.Args;
import camlab.exercises.graders.ExerciseGrader;
import camlab.exercises.graders.ExerciseSpec;
import camlab.exercises.graders.Inputs;
import camlab.exercises.graders.Points;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import static camlab.exercises.graders.Args.args;
import static camlab.exercises.graders.ExerciseSpec.dims;

/**
 * Grades exercise 7.2 ({@link SpearmanCorrelation}): hand-computed correlations that separate ranks from values, average ranks for
 * ties from ranks in sort order and from the no-ties formula 1 − 6Σd²/(n(n²−1)); constant inputs (NaN); random maps with and without
 * ties against {@link Spearman#of}; every call must leave both arrays unchanged. Values that differ by very little are
 * {@code SpearmanCorrelationHiddenGrader}'s.
 */
@DisplayName("7.2 Spearman rank correlation")
public class SpearmanCorrelationGrader extends ExerciseGrader {
  private static final String CONSTANT = "all values of a constant input share one rank, so its ranks have no variance and the"
      + " correlation divides 0 by 0: return Double.NaN (0/0 in double arithmetic is NaN already)";
  /** Random pairs: dims {length, trial}; odd trials have many ties, trial 3 ties b to a. */
  static final ExerciseSpec<SpearmanCorrelation> SPEC = ExerciseSpec.of(SpearmanCorrelation.class)
      .reference(a -> Spearman.of(a.get(0), a.get(1)))
      .tolerance(1e-4)   // ranks summed in float lose a few digits on 4096 values; every mistake here costs more
      .hint(SpearmanCorrelationGrader::hint)
      .unchanged("a", "b")
      .unchangedHint("the caller's maps must stay as they are: sort a copy (a.clone()) or an array of indices")
      .golden("hand-computed: a monotone but non-linear relation has ρ = 1", in -> args(new float[] {1, 2, 3, 4}, new float[] {1, 4, 9, 100}),
          1.0, "b grows whenever a grows, so the ranks are identical, [1, 2, 3, 4] and [1, 2, 3, 4]: ρ = 1. Pearson on the values"
              + " themselves would be below 1 — correlate the ranks, not the values")
      .golden("hand-computed: a reversed order has ρ = −1", in -> args(new float[] {0.5f, 0.1f, 0.9f}, new float[] {-2, 7, -30}), -1.0,
          "ranks [2, 1, 3] and [2, 3, 1]: exactly reversed, ρ = −1")
      // ranks a = [2, 3.5, 3.5, 1], b = [1, 2, 3, 4]: Pearson of the ranks = −0.3162277660168379 (scipy.stats.spearmanr)
      .golden("hand-computed: tied values share their average rank ([10, 20, 20, 5] → [2, 3.5, 3.5, 1])",
          in -> args(new float[] {10, 20, 20, 5}, new float[] {1, 2, 3, 4}), -1 / Math.sqrt(10),
          "a's ranks are [2, 3.5, 3.5, 1] (the two 20s share ranks 3 and 4), b's are [1, 2, 3, 4]; the Pearson correlation of the ranks"
              + " is −1/√10 = −0.316228. Ranks in sort order ([2, 3, 4, 1]) give −0.2, and 1 − 6Σd²/(n(n²−1)) is only right without ties")
      .golden("hand-computed: ties in both inputs", in -> args(new float[] {0, 0, 1, 2, 3}, new float[] {7, 7, 7, 8, 8}), 0.8885233166386386,
          "ties in both: ranks [1.5, 1.5, 3, 4, 5] and [2, 2, 2, 4.5, 4.5], whose Pearson correlation is 0.888523")
      .golden("a constant input has no ranking: ρ is NaN (as scipy's spearmanr), not 0 or 1",
          in -> args(new float[] {3, 3, 3, 3}, new float[] {1, 2, 3, 4}), Double.NaN, CONSTANT)
      .golden("a constant second input: ρ is NaN", in -> args(new float[] {1, 2, 3, 4}, new float[] {0, 0, 0, 0}), Double.NaN, CONSTANT)
      .golden("two constant inputs: ρ is NaN", in -> args(new float[] {5, 5}, new float[] {5, 5}), Double.NaN, CONSTANT)
      .random(2018, SpearmanCorrelationGrader::randomPair, randomCases())
      .randomWhy(a -> "Spearman.of gives " + Spearman.of(a.get(0), a.get(1)))
      .build();

  @TestFactory
  @Order(1)
  @DisplayName("hand-computed: ranks, not values; average ranks for ties; a constant input gives NaN")
  @Points(1.5)
  Stream<DynamicTest> golden(SpearmanCorrelation student) {
    return SPEC.golden(student);
  }

  @Test
  @Order(2)
  @DisplayName("random maps, with many ties and without, match the library's Spearman.of")
  @Points(0.5)
  void randomMatchesReference(SpearmanCorrelation student) {
    SPEC.assertMatchesReference(student);
  }

  @Test
  @Order(3)
  @DisplayName("the arguments are left unchanged (sort copies, not the caller's arrays)")
  @Points(0.5)
  void argumentsUnchanged(SpearmanCorrelation student) {
    SPEC.assertArgumentsUnchanged(student);
  }

  private static List<int[]> randomCases() {
    List<int[]> cases = new ArrayList<>();
    for (int length : new int[] {10, 2, 3, 64, 256, 4096}) for (int trial = 0; trial < 4; trial++) cases.add(dims(length, trial));
    return cases;
  }

  /** Gaussian values, b correlated with a; or, in odd trials, few distinct values like a ReLU'd or an 8-bit map (many ties). */
  private static Args randomPair(Inputs in, int[] d) {
    Random random = in.random();
    int length = d[0];
    int trial = d[1];
    boolean ties = trial % 2 == 1;
    float[] a = new float[length];
    float[] b = new float[length];
    for (int i = 0; i < length; i++) {
      a[i] = ties ? Math.max(0, random.nextInt(7) - 3) : (float) random.nextGaussian();
      b[i] = ties ? Math.max(0, random.nextInt(5) - 1) + (trial == 3 ? a[i] : 0) : a[i] * (float) random.nextGaussian() + (float) random.nextGaussian();
    }
    return args(a, b);
  }

  /** A value outside [−1, 1] tells of an overflow: n³ beyond an int. */
  private static String hint(Args a, Object expected, Object actual) {
    double got = (Double) actual;
    if (!(Math.abs(got) > 1 + 1e-4)) return "";
    long n = a.<float[]>get(0).length;
    return " (a correlation lies in [−1, 1]; for n = " + n + " values, n³ = " + n * n * n + (Math.pow(n, 3) > Integer.MAX_VALUE
        ? " — beyond an int, which holds at most 2147483647: compute sums and powers of n in long or double)" : ")");
  }
}
