package camlab.exercises.graders.gap;

import camlab.exercises.graders.ExerciseGrader;
import camlab.exercises.graders.Points;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static camlab.exercises.graders.Args.args;
import static camlab.exercises.graders.gap.HeadParameterCountsGrader.SPEC;

/**
 * The hidden tests of exercise 1.2, run only when an instructor grades: sizes where one product alone overflows an {@code int}
 * while the others are small, so an answer that computes all but one of them in {@code long} passes the visible tests and fails
 * here.
 */
@DisplayName("1.2 Parameters of the two heads (hidden)")
public class HeadParameterCountsHiddenGrader extends ExerciseGrader {
  @Test
  @DisplayName("each product can overflow an int on its own: K·h·w, hidden·classes and channels·classes")
  @Points(0.5)
  void everyProductNeedsLong(HeadParameterCounts student) {
    SPEC.assertResult(student, args(2048, 1024, 1024, 1, 1), new long[] {(1L << 31) + 1 + 1 + 1, 2048},
        "K·h·w = 2048·1024·1024 = 2³¹ inputs to the FC head's first Linear");
    SPEC.assertResult(student, args(1, 1, 1, 65536, 65536), new long[] {65536 + 65536 + (1L << 32) + 65536, 65536},
        "hidden·classes = 65536·65536 = 2³² weights in the FC head's second Linear");
    SPEC.assertResult(student, args(65536, 1, 1, 1, 65536), new long[] {65536 + 1 + 65536 + 65536, 1L << 32},
        "channels·classes = 65536·65536 = 2³² weights in the GAP head's Linear");
  }
}
