package camlab.exercises.graders.acol;

import camlab.exercises.graders.ExerciseGrader;
import camlab.exercises.graders.Points;
import camlab.exercises.graders.Tensor;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static camlab.exercises.graders.Args.args;
import static camlab.exercises.graders.acol.FuseMapsGrader.SPEC;

/**
 * The hidden tests of exercise 4.3, run only when an instructor grades: a map whose range is tiny but not 0 is not constant (an
 * epsilon in the denominator, or a guard such as max − min &lt; 1e-6, pass the visible tests and fail here).
 */
@DisplayName("4.3 Fusing the two maps (hidden)")
public class FuseMapsHiddenGrader extends ExerciseGrader {
  private static final float U = 0x1p-26f;

  @Test
  @DisplayName("a range that is tiny but not 0 is not constant: the fused map still reaches exactly 1")
  @Points(0.5)
  void tinyRangeIsNotConstant(FuseMaps student) {
    SPEC.assertCase(student, in -> args(in.array(new float[] {0, U, 2 * U, 4 * U}, 1, 2, 2), in.array(new float[] {4, 4, 4, 4}, 1, 2, 2)),
        Tensor.of(new float[] {0, 0.25f, 0.5f, 1}, 1, 2, 2),
        "with M_A=[[0, u],[2u, 4u]], u = 2⁻²⁶ (max − min ≈ 6e-8: tiny, but not 0, so minmax(M_A) is exactly [[0, 0.25],[0.5, 1]]) and a"
            + " constant M_B = 4 (zeros). An epsilon added to max − min shrinks minmax(M_A) when the range is this small; a test such as"
            + " max − min < 1e-6 zeroes it");
  }
}
