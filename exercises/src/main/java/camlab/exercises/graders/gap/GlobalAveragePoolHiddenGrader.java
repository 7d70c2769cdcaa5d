package camlab.exercises.graders.gap;

import java.util.Arrays;

import camlab.exercises.graders.Args;
import camlab.exercises.graders.ExerciseGrader;
import camlab.exercises.graders.Inputs;
import camlab.exercises.graders.Points;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static camlab.exercises.graders.Args.args;
import static camlab.exercises.graders.gap.GlobalAveragePoolGrader.SPEC;

/**
 * The hidden tests of exercise 1.1, run only when an instructor grades: a grid of a million positions, whose mean must be
 * as accurate as on a small grid (a running sum kept in a float, which the visible grids never show, drifts here).
 */
@DisplayName("1.1 Global average pooling (hidden)")
public class GlobalAveragePoolHiddenGrader extends ExerciseGrader {
  private static final int SIDE = 1024;

  @Test
  @DisplayName("a large grid, 1024x1024 positions: each channel's mean is still accurate to float precision")
  @Points(0.5)
  void largeGridMeanIsAccurate(GlobalAveragePool student) {
    int positions = SIDE * SIDE;
    try (Inputs in = new Inputs(2014)) {
      float[] values = new float[2 * positions];
      Arrays.fill(values, 0, positions, 0.1f);
      for (int i = positions; i < values.length; i++) values[i] = 2 + in.random().nextFloat();
      Args args = args(in.array(values, 2, SIDE, SIDE));
      SPEC.assertResult(student, args, SPEC.expected(args), "with A_0 = 0.1 at all " + positions + " positions (its mean is 0.1) and"
          + " A_1 uniform in [2, 3): over a million values, a running sum kept in a float drifts by about 1 % (each addition rounds to"
          + " the sum's precision); one kept in a double, or the NDArray's own mean or sum, does not");
    }
  }
}
