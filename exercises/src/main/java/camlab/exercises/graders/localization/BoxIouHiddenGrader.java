package camlab.exercises.graders.localization;

import camlab.exercises.graders.ExerciseGrader;
import camlab.exercises.graders.Points;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static camlab.exercises.graders.Args.args;
import static camlab.exercises.graders.localization.BoxIouGrader.SPEC;

/**
 * The hidden tests of exercise 6.1, run only when an instructor grades: boxes whose areas exceed {@link Integer#MAX_VALUE} (the
 * visible boxes are at most 64 pixels wide, where int arithmetic is exact).
 */
@DisplayName("6.1 IoU of two boxes (hidden)")
public class BoxIouHiddenGrader extends ExerciseGrader {
  private static final String LARGE = "areas of 10⁹ to 10¹⁰ pixels (a gigapixel slide) do not fit an int, which holds at most 2147483647"
      + " — an int product overflows: compute widths, heights and areas in long or double";

  @Test
  @DisplayName("large boxes: areas beyond Integer.MAX_VALUE need long or double arithmetic")
  @Points(0.5)
  void largeBoxesDoNotOverflow(BoxIou student) {
    SPEC.assertCase(student, in -> args(new int[] {0, 0, 99_999, 99_999}, new int[] {50_000, 50_000, 149_999, 149_999}), 1.0 / 7,
        "100 000 × 100 000 boxes sharing a 50 000 × 50 000 corner: 2.5·10⁹ / (10¹⁰ + 10¹⁰ − 2.5·10⁹) = 1/7; " + LARGE);
    SPEC.assertCase(student, in -> args(new int[] {0, 0, 65_535, 65_535}, new int[] {0, 0, 65_535, 65_535}), 1.0,
        "a 65 536 × 65 536 box with itself (area 2³², which an int turns into 0); " + LARGE);
    SPEC.assertCase(student, in -> args(new int[] {0, 0, 46_340, 46_340}, new int[] {0, 0, 46_340, 23_169}), 23_170.0 / 46_341,
        "B is the top half of A (46 341 × 46 341 = 2 147 488 281 pixels, just past Integer.MAX_VALUE): IoU = 23 170 / 46 341; " + LARGE);
  }
}
