package camlab.exercises.graders.acol;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

import camlab.exercises.graders.ArrayGrader;
import camlab.exercises.graders.NDAssert;
import camlab.exercises.graders.Points;
import camlab.exercises.graders.StudentAnswer;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import static camlab.exercises.graders.acol.ErasingMaskGrader.REL_TOL;
import static camlab.exercises.graders.acol.ErasingMaskGrader.SHAPE_HINT;
import static camlab.exercises.graders.acol.ErasingMaskGrader.call;
import static camlab.exercises.graders.acol.ErasingMaskGrader.mask;

/**
 * The hidden tests of exercise 4.1, run only when an instructor grades: maps whose range is tiny but not 0 are not constant (an
 * epsilon in the denominator, or a guard such as max − min &lt; 1e-6, pass the visible tests and fail here).
 */
@ExtendWith(StudentAnswer.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("4.1 Erasing mask (hidden)")
public class ErasingMaskHiddenGrader extends ArrayGrader {
  @Test
  @Order(5)
  @DisplayName("a range that is tiny but not 0 is not constant: its largest value still normalises to exactly 1")
  @Points(0.5)
  void tinyRangeIsNotConstant(ErasingMask student) {
    float u = 0x1p-26f;
    float s = 0x1p-16f;
    NDArray maps = manager.create(new float[] {0, u, 2 * u, 4 * u, 2, 2 + s, 2 + 2 * s, 2 + 4 * s}, new Shape(2, 2, 2));
    NDAssert.assertValues(new float[] {1, 1, 1, 0, 1, 1, 1, 0}, new Shape(2, 2, 2), mask(student, maps, 0.99f), REL_TOL,
        call(maps, 0.99f) + " with map 0 = [[0, u],[2u, 4u]], u = 2⁻²⁶ (max − min ≈ 6e-8) and map 1 = 2 + the same pattern in steps of"
            + " 2⁻¹⁶ (max − min ≈ 6e-5): tiny ranges, but not 0, so both normalise to exactly [[0, 0.25], [0.5, 1]] and each map's largest"
            + " value (1 ≥ δ) is erased. An epsilon added to max − min, or a test such as max − min < 1e-6, keeps it", SHAPE_HINT);
  }
}
