package camlab.exercises.graders.trust;

import java.util.Random;

import camlab.evaluate.faithfulness.CausalMetric;
import camlab.exercises.graders.Args;
import camlab.exercises.graders.ExerciseGrader;
import camlab.exercises.graders.Points;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static camlab.exercises.graders.Args.args;
import static camlab.exercises.graders.trust.DeletionAucGrader.SPEC;
import static camlab.exercises.graders.trust.DeletionAucGrader.constant;

/**
 * The hidden tests of exercise 7.1, run only when an instructor grades: curves of thousands of points (the visible ones have at most
 * 225), whose areas must be as accurate as those of short curves — a sum kept in a float drifts here.
 */
@DisplayName("7.1 Deletion AUC (hidden)")
public class DeletionAucHiddenGrader extends ExerciseGrader {
  private static final String FLOAT = "; adding tens of thousands of scores in a float loses digits (each addition rounds to the"
      + " running sum's precision): add them in a double";

  @Test
  @DisplayName("long curves, up to 50 177 points (one pixel per step on a 224×224 image): the area is still accurate to 1e-7")
  @Points(0.5)
  void longCurvesKeepTheirPrecision(DeletionAuc student) {
    int points = 224 * 224 + 1;
    SPEC.assertResult(student, args(constant(points, 0.7)), 0.7, "a score that stays at 0.7 over all " + points + " points has area 0.7"
        + FLOAT);
    Random random = new Random(2018);
    for (int length : new int[] {32 * 32 + 1, 224 * 224 + 1}) {
      Args args = args(deletionCurve(random, length));
      double expected = CausalMetric.auc(args.get(0));
      SPEC.assertResult(student, args, expected, "a deletion curve of " + length + " points; CausalMetric.auc gives " + expected + FLOAT);
    }
  }

  /** A probability that falls fast and then flattens out, as when the most salient pixels go first, with a little noise. */
  private static double[] deletionCurve(Random random, int length) {
    double[] curve = new double[length];
    for (int t = 0; t < length; t++) {
      double fraction = (double) t / (length - 1);
      curve[t] = Math.min(1, Math.max(0, 0.95 * Math.exp(-6 * fraction) + 0.04 + 0.02 * (random.nextDouble() - 0.5)));
    }
    return curve;
  }
}
