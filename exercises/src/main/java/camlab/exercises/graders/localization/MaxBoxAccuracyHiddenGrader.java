package camlab.exercises.graders.localization;

import camlab.exercises.graders.ExerciseGrader;
import camlab.exercises.graders.Points;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static camlab.exercises.graders.Args.args;
import static camlab.exercises.graders.localization.MaxBoxAccuracyGrader.SPEC;
import static camlab.exercises.graders.localization.MaxBoxAccuracyGrader.WIDE_BOX;
import static camlab.exercises.graders.localization.MaxBoxAccuracyGrader.WIDE_WINS_LOW;

/**
 * The hidden tests of exercise 6.3, run only when an instructor grades: an image whose map has no box at all (every visible map
 * has one at every τ), which is a miss that still counts in N.
 */
@DisplayName("6.3 MaxBoxAcc over thresholds (hidden)")
public class MaxBoxAccuracyHiddenGrader extends ExerciseGrader {
  @Test
  @DisplayName("an image whose map has no pixel above the threshold (all zeros) is a miss and still counts in N")
  @Points(0.5)
  void emptyMapIsAMiss(MaxBoxAccuracy student) {
    SPEC.assertCase(student, in -> args(new float[][] {WIDE_WINS_LOW, new float[24]}, 4, 6, new int[][] {WIDE_BOX, WIDE_BOX},
        new double[] {0.1, 0.2}, 0.5), 50.0,
        "image 1's map is all zeros: no pixel is above τ · 0 = 0, so it has no box (MapBoxes.largestComponentBox is empty) — a miss,"
            + " but still one of the N = 2 images: 1 hit of 2 is 50 %, not 1 of 1");
  }
}
