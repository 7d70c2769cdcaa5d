package camlab.exercises.graders.acol;

import camlab.exercises.graders.ExerciseGrader;
import camlab.exercises.graders.Points;
import camlab.exercises.graders.Tensor;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static camlab.exercises.graders.Args.args;
import static camlab.exercises.graders.acol.ErasingMaskGrader.SPEC;

/**
 * The hidden tests of exercise 4.1, run only when an instructor grades: maps whose range is tiny but not 0 are not constant (an
 * epsilon in the denominator, or a guard such as max − min &lt; 1e-6, pass the visible tests and fail here).
 */
@DisplayName("4.1 Erasing mask (hidden)")
public class ErasingMaskHiddenGrader extends ExerciseGrader {
  private static final float U = 0x1p-26f;
  private static final float S = 0x1p-16f;

  @Test
  @DisplayName("a range that is tiny but not 0 is not constant: its largest value still normalises to exactly 1")
  @Points(0.5)
  void tinyRangeIsNotConstant(ErasingMask student) {
    SPEC.assertCase(student, in -> args(in.array(new float[] {0, U, 2 * U, 4 * U, 2, 2 + S, 2 + 2 * S, 2 + 4 * S}, 2, 2, 2), 0.99f),
        Tensor.of(new float[] {1, 1, 1, 0, 1, 1, 1, 0}, 2, 2, 2),
        "with map 0 = [[0, u],[2u, 4u]], u = 2⁻²⁶ (max − min ≈ 6e-8) and map 1 = 2 + the same pattern in steps of 2⁻¹⁶ (max − min ≈"
            + " 6e-5): tiny ranges, but not 0, so both normalise to exactly [[0, 0.25], [0.5, 1]] and each map's largest value (1 ≥ δ)"
            + " is erased. An epsilon added to max − min, or a test such as max − min < 1e-6, keeps it");
  }
}
