package camlab.exercises.graders.cam;

import java.util.Arrays;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

import camlab.exercises.graders.Args;
import camlab.exercises.graders.ExerciseGrader;
import camlab.exercises.graders.Inputs;
import camlab.exercises.graders.NDAssert;
import camlab.exercises.graders.Points;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

import static camlab.exercises.graders.Args.args;
import static camlab.exercises.graders.cam.MinMaxNormalizeGrader.SHAPE_HINT;
import static camlab.exercises.graders.cam.MinMaxNormalizeGrader.SPEC;

/**
 * The hidden tests of exercise 2.2, run only when an instructor grades: a range that is tiny but not 0 is not constant (an
 * epsilon in the denominator, or a guard such as max − min &lt; 1e-6, pass the visible tests and fail here).
 */
@DisplayName("2.2 Min-max normalisation (hidden)")
public class MinMaxNormalizeHiddenGrader extends ExerciseGrader {
  @Test
  @DisplayName("a range that is tiny but not 0 is not constant: the map still spans exactly [0, 1]")
  @Points(0.5)
  void tinyRangeIsNotConstant(MinMaxNormalize student) {
    float unit = 0x1p-26f;   // max − min = 2⁻²⁴ ≈ 6e-8, next to 0
    assertTinyRange(student, new float[] {0, unit, 2 * unit, 4 * unit});
    float step = 0x1p-16f;   // max − min = 2⁻¹⁴ ≈ 6e-5 at 2: 256 float steps, far above rounding
    assertTinyRange(student, new float[] {2, 2 + step, 2 + 2 * step, 2 + 4 * step});
  }

  /** A 2x2 map of {@code m, m + r/4, m + r/2, m + r} with a power-of-two range r: it normalises to exactly [[0, 0.25], [0.5, 1]]. */
  private static void assertTinyRange(MinMaxNormalize student, float[] values) {
    Shape shape = new Shape(2, 2);
    float[] expected = {0, 0.25f, 0.5f, 1};
    try (Inputs in = new Inputs(0)) {
      Args args = args(in.array(values, 2, 2));
      NDArray result = (NDArray) SPEC.call(student, args);
      String call = SPEC.describe(args) + " with M=" + Arrays.toString(values) + ", so max − min = " + (values[3] - values[0])
          + " — tiny, but not 0";
      NDAssert.assertShapeAndType(shape, result, call, SHAPE_HINT);
      float[] got = result.toFloatArray();
      double tol = NDAssert.tolerance(expected, 1e-5);
      float largest = Float.NEGATIVE_INFINITY;
      boolean allZero = true;
      for (float g : got) {
        largest = Math.max(largest, g);
        allZero &= g == 0f;
      }
      for (int i = 0; i < expected.length; i++) {
        if (!(Math.abs(got[i] - expected[i]) <= tol)) {
          String why = allZero ? "the map was treated as constant, but only max = min is constant (a test such as max − min < 1e-6 is"
              + " too coarse: compare with 0)"
              : largest < 1 - tol ? "its largest value became " + largest + ", not 1: divide by exactly max − min (an epsilon added to the"
                  + " denominator is not negligible when the range is this small)"
              : "subtract the min and divide by max − min";
          throw new AssertionFailedError(call + ": element " + NDAssert.index(i, shape) + " should be " + expected[i] + " but is " + got[i]
              + " — " + why + "\n  expected " + NDAssert.format(expected, shape) + "\n  actual   " + NDAssert.format(got, shape));
        }
      }
    }
  }
}
