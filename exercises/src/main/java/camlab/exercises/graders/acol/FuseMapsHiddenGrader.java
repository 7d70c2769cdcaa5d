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

import static camlab.exercises.graders.acol.FuseMapsGrader.REL_TOL;
import static camlab.exercises.graders.acol.FuseMapsGrader.SHAPE_HINT;
import static camlab.exercises.graders.acol.FuseMapsGrader.call;
import static camlab.exercises.graders.acol.FuseMapsGrader.fuse;

/**
 * The hidden tests of exercise 4.3, run only when an instructor grades: a map whose range is tiny but not 0 is not constant (an
 * epsilon in the denominator, or a guard such as max − min &lt; 1e-6, pass the visible tests and fail here).
 */
@ExtendWith(StudentAnswer.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("4.3 Fusing the two maps (hidden)")
public class FuseMapsHiddenGrader extends ArrayGrader {
  @Test
  @Order(4)
  @DisplayName("a range that is tiny but not 0 is not constant: the fused map still reaches exactly 1")
  @Points(0.5)
  void tinyRangeIsNotConstant(FuseMaps student) {
    float u = 0x1p-26f;
    NDArray tiny = manager.create(new float[] {0, u, 2 * u, 4 * u}, new Shape(1, 2, 2));
    NDArray flat = manager.create(new float[] {4, 4, 4, 4}, new Shape(1, 2, 2));
    NDAssert.assertValues(new float[] {0, 0.25f, 0.5f, 1}, new Shape(1, 2, 2), fuse(student, tiny, flat), REL_TOL,
        call(tiny, flat) + " with M_A=[[0, u],[2u, 4u]], u = 2⁻²⁶ (max − min ≈ 6e-8: tiny, but not 0, so minmax(M_A) is exactly"
            + " [[0, 0.25],[0.5, 1]]) and a constant M_B = 4 (zeros). An epsilon added to max − min shrinks minmax(M_A) when the range is"
            + " this small; a test such as max − min < 1e-6 zeroes it", SHAPE_HINT);
  }
}
