package camlab.exercises.graders.trust;

import java.util.Arrays;
import java.util.Random;

import camlab.evaluate.faithfulness.CausalMetric;
import camlab.exercises.graders.Points;
import camlab.exercises.graders.StudentAnswer;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import static camlab.exercises.graders.trust.DeletionAucGrader.assertAuc;

/**
 * The hidden tests of exercise 7.1, run only when an instructor grades: curves of thousands of points (the visible ones have at most
 * 225), whose areas must be as accurate as those of short curves — a sum kept in a float drifts here.
 */
@ExtendWith(StudentAnswer.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("7.1 Deletion AUC (hidden)")
public class DeletionAucHiddenGrader {
  private static final String FLOAT = "; adding tens of thousands of scores in a float loses digits (each addition rounds to the"
      + " running sum's precision): add them in a double";

  @Test
  @Order(6)
  @DisplayName("long curves, up to 50 177 points (one pixel per step on a 224×224 image): the area is still accurate to 1e-7")
  @Points(0.5)
  void longCurvesKeepTheirPrecision(DeletionAuc student) {
    double[] constant = new double[224 * 224 + 1];
    Arrays.fill(constant, 0.7);
    assertAuc(student, constant, 0.7, "a score that stays at 0.7 over all " + constant.length + " points has area 0.7" + FLOAT);
    Random random = new Random(2018);
    for (int length : new int[] {32 * 32 + 1, 224 * 224 + 1}) {
      double[] curve = deletionCurve(random, length);
      double expected = CausalMetric.auc(curve);
      assertAuc(student, curve, expected, "a deletion curve of " + length + " points; CausalMetric.auc gives " + expected + FLOAT);
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
