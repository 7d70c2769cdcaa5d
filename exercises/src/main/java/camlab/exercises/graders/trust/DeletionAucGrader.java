package camlab.exercises.graders.trust;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import camlab.evaluate.faithfulness.CausalMetric;
import camlab.exercises.graders.ExerciseGrader;
import camlab.exercises.graders.ExerciseSpec;
import camlab.exercises.graders.Points;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import static camlab.exercises.graders.Args.args;
import static camlab.exercises.graders.ExerciseSpec.dims;

/**
 * Grades exercise 7.1 ({@link DeletionAuc}): hand-computed areas that separate the trapezoid rule from the plain mean, the left and
 * right Riemann sums, and a division by n + 1; the shortest curve and constant curves; random curves of up to 225 points against
 * {@link CausalMetric#auc}; every call must leave the scores unchanged. Long curves are {@code DeletionAucHiddenGrader}'s.
 */
@DisplayName("7.1 Deletion AUC")
public class DeletionAucGrader extends ExerciseGrader {
  private static final String HINT = "n + 1 scores s_0..s_n sit at t/n on [0, 1]; each of the n intervals of width 1/n adds"
      + " (s_{t−1} + s_t)/2 · 1/n";
  /** Random falling curves: dims {length}, five of each length. */
  static final ExerciseSpec<DeletionAuc> SPEC = ExerciseSpec.of(DeletionAuc.class)
      .reference(a -> CausalMetric.auc(a.get(0)))
      .tolerance(1e-7)
      .hint((a, expected, actual) -> " (" + HINT + ")")
      .unchanged("scores")
      .unchangedHint("it is the curve the caller plots: compute into variables of your own")
      .golden("hand-computed: [1, 0, 0] has area 0.25 (a triangle over the first half)", in -> args(new double[] {1, 0, 0}), 0.25,
          "the points (0, 1), (0.5, 0), (1, 0): the first interval is a triangle of area 0.5 · 1 / 2 = 0.25, the second is flat at 0."
              + " Not the mean of the scores (1/3), not the left sum (0.5) or the right sum (0)")
      .golden("hand-computed: a straight line from 0.2 to 0 has area 0.1", in -> args(new double[] {0.2, 0.1, 0.0}), 0.1,
          "a straight line from 0.2 to 0: the area of a triangle 1 wide and 0.2 high, 0.1 — in the units of the scores (do not divide"
              + " by s_0)")
      .golden("hand-computed: [0.8, 0.6, 0.2, 0.2, 0] on 4 intervals has area 0.35", in -> args(new double[] {0.8, 0.6, 0.2, 0.2, 0}), 0.35,
          "(0.7 + 0.4 + 0.2 + 0.1) / 4 = 0.35 — the mean of each interval's two ends, times the interval's width 1/4")
      .golden("edge case: two points, from 1 down to 0", in -> args(new double[] {1, 0}), 0.5, "one interval from 1 down to 0: a triangle of area 0.5")
      .golden("edge case: two points, from 0.3 up to 0.9", in -> args(new double[] {0.3, 0.9}), 0.6,
          "one interval from 0.3 up to 0.9: a trapezoid of area (0.3 + 0.9) / 2 = 0.6")
      .golden("edge case: a constant curve has its constant as area", in -> args(constant(65, 0.75)), 0.75,
          "a score that stays at 0.75 over [0, 1] has area 0.75 whatever the number of steps")
      .random(2018, (in, d) -> args(fallingCurve(in.random(), d[0])),
          IntStream.of(2, 3, 5, 17, 65, 225).boxed().flatMap(n -> Stream.generate(() -> dims(n)).limit(5)).toList())
      .randomWhy(a -> "CausalMetric.auc gives " + CausalMetric.auc(a.get(0)))
      .build();

  @TestFactory
  @Order(1)
  @DisplayName("hand-computed: a drop, a straight line, four steps; two points; a constant curve")
  @Points(0.75)
  Stream<DynamicTest> golden(DeletionAuc student) {
    return SPEC.golden(student);
  }

  @Test
  @Order(2)
  @DisplayName("random curves of 2 to 225 points match the library's CausalMetric.auc")
  @Points(0.5)
  void randomCurvesMatchReference(DeletionAuc student) {
    SPEC.assertMatchesReference(student);
  }

  @Test
  @Order(3)
  @DisplayName("the scores are left unchanged")
  @Points(0.25)
  void argumentUnchanged(DeletionAuc student) {
    SPEC.assertArgumentsUnchanged(student);
  }

  /** A noisy falling probability of {@code length} points in [0, 1]. */
  private static double[] fallingCurve(Random random, int length) {
    double[] curve = new double[length];
    double level = random.nextDouble();
    for (int t = 0; t < length; t++) {
      level = Math.min(1, Math.max(0, level + (random.nextDouble() - 0.6) * 0.2));
      curve[t] = level;
    }
    return curve;
  }

  static double[] constant(int length, double value) {
    double[] curve = new double[length];
    Arrays.fill(curve, value);
    return curve;
  }
}
