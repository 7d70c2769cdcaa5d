package camlab.exercises.graders.trust;

import java.util.Arrays;
import java.util.Random;

import camlab.evaluate.faithfulness.CausalMetric;
import camlab.exercises.graders.Arguments;
import camlab.exercises.graders.Points;
import camlab.exercises.graders.StudentAnswer;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opentest4j.AssertionFailedError;

/**
 * Grades exercise 7.1 ({@link DeletionAuc}): hand-computed areas that separate the trapezoid rule from the plain mean,
 * the left and right Riemann sums, and a division by n + 1; the shortest curve and constant curves; random curves of up to 225
 * points against {@link CausalMetric#auc}; every call must leave the scores unchanged. Long curves are
 * {@code DeletionAucHiddenGrader}'s.
 */
@ExtendWith(StudentAnswer.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("7.1 Deletion AUC")
public class DeletionAucGrader {
  static final double TOL = 1e-7;
  static final String HINT = "n + 1 scores s_0..s_n sit at t/n on [0, 1]; each of the n intervals of width 1/n adds"
      + " (s_{t−1} + s_t)/2 · 1/n";

  @Test
  @Order(1)
  @DisplayName("hand-computed: [1, 0, 0] has area 0.25 (a triangle over the first half)")
  @Points(0.25)
  void goldenDrop(DeletionAuc student) {
    assertAuc(student, new double[] {1, 0, 0}, 0.25,
        "the points (0, 1), (0.5, 0), (1, 0): the first interval is a triangle of area 0.5 · 1 / 2 = 0.25, the second is flat"
            + " at 0. Not the mean of the scores (1/3), not the left sum (0.5) or the right sum (0)");
    assertAuc(student, new double[] {0.2, 0.1, 0.0}, 0.1,
        "a straight line from 0.2 to 0: the area of a triangle 1 wide and 0.2 high, 0.1 — in the units of the scores"
            + " (do not divide by s_0)");
  }

  @Test
  @Order(2)
  @DisplayName("hand-computed: [0.8, 0.6, 0.2, 0.2, 0] on 4 intervals has area 0.35")
  @Points(0.25)
  void goldenFourSteps(DeletionAuc student) {
    assertAuc(student, new double[] {0.8, 0.6, 0.2, 0.2, 0}, 0.35,
        "(0.7 + 0.4 + 0.2 + 0.1) / 4 = 0.35 — the mean of each interval's two ends, times the interval's width 1/4");
  }

  @Test
  @Order(3)
  @DisplayName("edge cases: two points; a constant curve has its constant as area")
  @Points(0.25)
  void edgeCases(DeletionAuc student) {
    assertAuc(student, new double[] {1, 0}, 0.5, "one interval from 1 down to 0: a triangle of area 0.5");
    assertAuc(student, new double[] {0.3, 0.9}, 0.6, "one interval from 0.3 up to 0.9: a trapezoid of area (0.3 + 0.9) / 2 = 0.6");
    double[] constant = new double[65];
    Arrays.fill(constant, 0.75);
    assertAuc(student, constant, 0.75, "a score that stays at 0.75 over [0, 1] has area 0.75 whatever the number of steps");
  }

  @Test
  @Order(4)
  @DisplayName("random curves of 2 to 225 points match the library's CausalMetric.auc")
  @Points(0.5)
  void randomCurvesMatchReference(DeletionAuc student) {
    Random random = new Random(2018);
    int[] lengths = {2, 3, 5, 17, 65, 225};
    for (int length : lengths) {
      for (int trial = 0; trial < 5; trial++) {
        double[] curve = new double[length];
        double level = random.nextDouble();
        for (int t = 0; t < length; t++) {
          level = Math.min(1, Math.max(0, level + (random.nextDouble() - 0.6) * 0.2));   // a noisy falling probability
          curve[t] = level;
        }
        double expected = CausalMetric.auc(curve);
        assertAuc(student, curve, expected, "CausalMetric.auc gives " + expected);
      }
    }
  }

  @Test
  @Order(5)
  @DisplayName("the scores are left unchanged")
  @Points(0.25)
  void argumentUnchanged(DeletionAuc student) {
    assertAuc(student, new double[] {0.9, 0.5, 0.4, 0.1}, (0.7 + 0.45 + 0.25) / 3, "(0.7 + 0.45 + 0.25) / 3");
  }

  static void assertAuc(DeletionAuc student, double[] scores, double expected, String why) {
    String values = scores.length <= 8 ? Arrays.toString(scores) : "double[" + scores.length + "]";
    double[] copy = scores.clone();
    Arguments before = Arguments.of("scores", copy);
    double got = student.deletionAuc(copy);
    before.assertUnchanged("deletionAuc(" + values + ")", "it is the curve the caller plots: compute into variables of your own");
    if (!(Math.abs(got - expected) <= TOL)) {
      throw new AssertionFailedError("deletionAuc(" + values + ") should be " + expected + " but is " + got + " — " + why
          + " (" + HINT + ")");
    }
  }
}
