package camlab.exercises.graders.trust;

import camlab.exercises.graders.ExerciseGrader;
import camlab.exercises.graders.Points;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static camlab.exercises.graders.Args.args;
import static camlab.exercises.graders.trust.SpearmanCorrelationGrader.SPEC;

/**
 * The hidden tests of exercise 7.2, run only when an instructor grades: values that differ by very little still differ (an epsilon
 * in the test for ties or for a constant input passes the visible tests and fails here).
 */
@DisplayName("7.2 Spearman rank correlation (hidden)")
public class SpearmanCorrelationHiddenGrader extends ExerciseGrader {
  @Test
  @DisplayName("values that differ by very little still differ: they get their own ranks, and the input is not constant")
  @Points(0.5)
  void tinyDifferencesStillRank(SpearmanCorrelation student) {
    SPEC.assertResult(student, args(new float[] {1e-9f, 2e-9f, 3e-9f, 4e-9f}, new float[] {4, 3, 2, 1}), -1.0,
        "a's values are tiny and close together, but all different: its ranks are [1, 2, 3, 4], so a is not constant and ρ = −1."
            + " Only equal values share a rank, and only an input whose values are all equal is constant: compare with ==, not within"
            + " an epsilon");
    SPEC.assertResult(student, args(new float[] {1f, Math.nextUp(1f), 2f, Math.nextUp(2f)}, new float[] {1, 2, 3, 4}), 1.0,
        "1 and the next float above it (1.0000001) are different values, and so are 2 and 2.0000002: the ranks are [1, 2, 3, 4],"
            + " not [1.5, 1.5, 3.5, 3.5] — only equal values (==) share a rank");
  }
}
