package camlab.exercises.graders.trust;

import java.util.Arrays;
import java.util.Random;

import camlab.evaluate.sanity.Spearman;
import camlab.exercises.graders.Arguments;
import camlab.exercises.graders.StudentAnswer;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opentest4j.AssertionFailedError;

/**
 * Grades exercise 7.2 ({@link SpearmanCorrelation}): hand-computed correlations that separate ranks from values, average
 * ranks for ties from ranks in sort order and from the no-ties formula 1 − 6Σd²/(n(n²−1)); constant inputs (NaN);
 * random maps with and without ties against {@link Spearman#of}; every call must leave both arrays unchanged. Values that differ by
 * very little are {@code SpearmanCorrelationHiddenGrader}'s.
 */
@ExtendWith(StudentAnswer.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("7.2 Spearman rank correlation")
public class SpearmanCorrelationGrader {
  private static final double TOL = 1e-4;   // ranks summed in float lose a few digits on 4096 values; every mistake here costs more

  @Test
  @Order(1)
  @DisplayName("hand-computed: a monotone but non-linear relation has ρ = 1; a reversed order ρ = −1")
  void goldenMonotone(SpearmanCorrelation student) {
    assertRho(student, new float[] {1, 2, 3, 4}, new float[] {1, 4, 9, 100}, 1,
        "b grows whenever a grows, so the ranks are identical, [1, 2, 3, 4] and [1, 2, 3, 4]: ρ = 1. Pearson on the values"
            + " themselves would be below 1 — correlate the ranks, not the values");
    assertRho(student, new float[] {0.5f, 0.1f, 0.9f}, new float[] {-2, 7, -30}, -1,
        "ranks [2, 1, 3] and [2, 3, 1]: exactly reversed, ρ = −1");
  }

  @Test
  @Order(2)
  @DisplayName("hand-computed: tied values share their average rank ([10, 20, 20, 5] → [2, 3.5, 3.5, 1])")
  void goldenTies(SpearmanCorrelation student) {
    // ranks a = [2, 3.5, 3.5, 1], b = [1, 2, 3, 4]: Pearson of the ranks = −0.3162277660168379 (scipy.stats.spearmanr)
    assertRho(student, new float[] {10, 20, 20, 5}, new float[] {1, 2, 3, 4}, -1 / Math.sqrt(10),
        "a's ranks are [2, 3.5, 3.5, 1] (the two 20s share ranks 3 and 4), b's are [1, 2, 3, 4]; the Pearson correlation of the"
            + " ranks is −1/√10 = −0.316228. Ranks in sort order ([2, 3, 4, 1]) give −0.2, and 1 − 6Σd²/(n(n²−1)) is only"
            + " right without ties");
    // a ranks [1.5, 1.5, 3, 4, 5], b ranks [2, 2, 2, 4.5, 4.5]
    assertRho(student, new float[] {0, 0, 1, 2, 3}, new float[] {7, 7, 7, 8, 8}, 0.8885233166386386,
        "ties in both: ranks [1.5, 1.5, 3, 4, 5] and [2, 2, 2, 4.5, 4.5], whose Pearson correlation is 0.888523");
  }

  @Test
  @Order(3)
  @DisplayName("a constant input has no ranking: ρ is NaN (as scipy's spearmanr), not 0 or 1")
  void constantIsNaN(SpearmanCorrelation student) {
    float[][][] cases = {
        {{3, 3, 3, 3}, {1, 2, 3, 4}},
        {{1, 2, 3, 4}, {0, 0, 0, 0}},
        {{5, 5}, {5, 5}}};
    for (float[][] c : cases) {
      double got = rho(student, c[0], c[1]);
      if (!Double.isNaN(got)) {
        throw new AssertionFailedError("spearman(" + Arrays.toString(c[0]) + ", " + Arrays.toString(c[1]) + ") should be NaN but is "
            + got + " — all values of a constant input share one rank, so its ranks have no variance and the correlation"
            + " divides 0 by 0: return Double.NaN (0/0 in double arithmetic is NaN already)");
      }
    }
  }

  @Test
  @Order(5)
  @DisplayName("random maps, with many ties and without, match the library's Spearman.of")
  void randomMatchesReference(SpearmanCorrelation student) {
    Random random = new Random(2018);
    int[] lengths = {2, 3, 10, 64, 256, 4096};
    for (int length : lengths) {
      for (int trial = 0; trial < 4; trial++) {
        float[] a = new float[length];
        float[] b = new float[length];
        boolean ties = trial % 2 == 1;
        for (int i = 0; i < length; i++) {
          // ties: few distinct values, like a ReLU'd map (many zeros) or an 8-bit map
          a[i] = ties ? Math.max(0, random.nextInt(7) - 3) : (float) random.nextGaussian();
          b[i] = ties ? Math.max(0, random.nextInt(5) - 1) + (trial == 3 ? a[i] : 0) : a[i] * (float) random.nextGaussian() + (float) random.nextGaussian();
        }
        double expected = Spearman.of(a, b);
        if (Double.isNaN(expected)) continue;   // a random constant; covered above
        assertRho(student, a, b, expected, "Spearman.of gives " + expected + (ties ? " (the inputs have many ties)" : ""));
      }
    }
  }

  @Test
  @Order(6)
  @DisplayName("the arguments are left unchanged (sort copies, not the caller's arrays)")
  void argumentsUnchanged(SpearmanCorrelation student) {
    float[] a = {0.4f, 0.1f, 0.9f, 0.1f};
    float[] b = {3, 1, 2, 5};
    assertRho(student, a, b, Spearman.of(a, b), "Spearman.of gives " + Spearman.of(a, b));
  }

  /** The student's ρ for copies of a and b, after checking that the call left the copies as they were. */
  private static double rho(SpearmanCorrelation student, float[] a, float[] b) {
    float[] aCopy = a.clone();
    float[] bCopy = b.clone();
    Arguments before = Arguments.of("a", aCopy).and("b", bCopy);
    double got = student.spearman(aCopy, bCopy);
    before.assertUnchanged(call(a, b), "the caller's maps must stay as they are: sort a copy (a.clone()) or an array of indices");
    return got;
  }

  private static String call(float[] a, float[] b) {
    return "spearman(" + (a.length <= 8 ? Arrays.toString(a) : "float[" + a.length + "]") + ", "
        + (b.length <= 8 ? Arrays.toString(b) : "float[" + b.length + "]") + ")";
  }

  static void assertRho(SpearmanCorrelation student, float[] a, float[] b, double expected, String why) {
    double got = rho(student, a, b);
    if (!(Math.abs(got - expected) <= TOL)) {
      String range = Math.abs(got) > 1 + TOL
          ? " (a correlation lies in [−1, 1]; for n = " + a.length + " values, n³ = " + (long) a.length * a.length * a.length
              + (Math.pow(a.length, 3) > Integer.MAX_VALUE ? " — beyond an int, which holds at most 2147483647: compute sums and"
                  + " powers of n in long or double)" : ")")
          : "";
      throw new AssertionFailedError(call(a, b) + " should be " + expected + " but is " + got + " — " + why + range);
    }
  }
}
