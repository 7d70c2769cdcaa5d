package camlab.exercises.graders.cam;

import java.util.Arrays;
import java.util.Random;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

import camlab.exercises.graders.Arguments;
import camlab.exercises.graders.ArrayGrader;
import camlab.exercises.graders.Inputs;
import camlab.exercises.graders.NDAssert;
import camlab.exercises.graders.StudentAnswer;
import camlab.explain.MapOps;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opentest4j.AssertionFailedError;

/**
 * Grades exercise 2.2 ({@link MinMaxNormalize}): golden values, constant maps and maps whose range is tiny but not 0, random maps
 * against {@link MapOps#minMaxNormalize}; every result must be float32 of the map's shape, and every call must leave the map unchanged.
 */
@ExtendWith(StudentAnswer.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("2.2 Min-max normalisation")
public class MinMaxNormalizeGrader extends ArrayGrader {
  private static final String SHAPE_HINT = "the result has the map's shape";
  private static final double REL_TOL = 1e-5;

  @Test
  @Order(1)
  @DisplayName("hand-computed: [[2,4],[6,10]] becomes [[0,0.25],[0.5,1]]")
  void goldenPositive(MinMaxNormalize student) {
    NDArray map = manager.create(new float[] {2, 4, 6, 10}, new Shape(2, 2));
    NDAssert.assertValues(new float[] {0, 0.25f, 0.5f, 1}, new Shape(2, 2), normalize(student, map), REL_TOL,
        call(map) + " with M=[[2,4],[6,10]] (min 2, max 10: subtract the min, divide by max − min = 8)", SHAPE_HINT);
  }

  @Test
  @Order(2)
  @DisplayName("hand-computed: negative values, [[-3,1,5]] becomes [[0,0.5,1]]")
  void goldenNegative(MinMaxNormalize student) {
    NDArray map = manager.create(new float[] {-3, 1, 5}, new Shape(1, 3));
    NDAssert.assertValues(new float[] {0, 0.5f, 1}, new Shape(1, 3), normalize(student, map), REL_TOL,
        call(map) + " with M=[[-3,1,5]] (the min is negative: the smallest value must still become 0)", SHAPE_HINT);
  }

  @Test
  @Order(3)
  @DisplayName("constant maps become all zeros, never NaN")
  void constantMapsBecomeZeros(MinMaxNormalize student) {
    float[][] values = {{3.5f, 3.5f, 3.5f, 3.5f, 3.5f, 3.5f}, new float[6], {-2, -2, -2, -2, -2, -2}};
    for (float[] v : values) {
      NDArray map = manager.create(v, new Shape(2, 3));
      NDArray got = normalize(student, map);
      NDAssert.assertShapeAndType(new Shape(2, 3), got, call(map), SHAPE_HINT);
      float[] g = got.toFloatArray();
      for (int i = 0; i < g.length; i++) {
        if (g[i] != 0f) {
          throw new AssertionFailedError(call(map) + " with every value " + v[0] + ": element " + NDAssert.index(i, map.getShape()) + " is "
              + g[i] + (Float.isNaN(g[i])
                  ? " — max − min is 0 there, and dividing by it gives 0/0 = NaN: check for max = min before dividing"
                  : " but a constant map must become all zeros (nothing in it stands out)"));
        }
      }
    }
    NDArray single = manager.create(new float[] {7}, new Shape(1, 1));
    NDAssert.assertValues(new float[] {0}, new Shape(1, 1), normalize(student, single), REL_TOL,
        call(single) + " with a single value 7 (a 1x1 map is constant)", SHAPE_HINT);
  }

  @Test
  @Order(4)
  @DisplayName("a range that is tiny but not 0 is not constant: the map still spans exactly [0, 1]")
  void tinyRangeIsNotConstant(MinMaxNormalize student) {
    float unit = 0x1p-26f;   // max − min = 2⁻²⁴ ≈ 6e-8, next to 0
    assertTinyRange(student, new float[] {0, unit, 2 * unit, 4 * unit});
    float step = 0x1p-16f;   // max − min = 2⁻¹⁴ ≈ 6e-5 at 2: 256 float steps, far above rounding
    assertTinyRange(student, new float[] {2, 2 + step, 2 + 2 * step, 2 + 4 * step});
  }

  /** A 2x2 map of {@code m, m + r/4, m + r/2, m + r} with a power-of-two range r: it normalises to exactly [[0, 0.25], [0.5, 1]]. */
  private void assertTinyRange(MinMaxNormalize student, float[] values) {
    NDArray map = manager.create(values, new Shape(2, 2));
    float[] expected = {0, 0.25f, 0.5f, 1};
    NDArray result = normalize(student, map);
    String call = call(map) + " with M=" + Arrays.toString(values) + ", so max − min = " + (values[3] - values[0]) + " — tiny, but not 0";
    NDAssert.assertShapeAndType(new Shape(2, 2), result, call, SHAPE_HINT);
    float[] got = result.toFloatArray();
    double tol = NDAssert.tolerance(expected, REL_TOL);
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
        throw new AssertionFailedError(call + ": element " + NDAssert.index(i, map.getShape()) + " should be " + expected[i] + " but is "
            + got[i] + " — " + why + "\n  expected " + NDAssert.format(expected, map.getShape()) + "\n  actual   "
            + NDAssert.format(got, map.getShape()));
      }
    }
  }

  @Test
  @Order(5)
  @DisplayName("random maps match the library's MapOps.minMaxNormalize: min 0, max 1")
  void randomMapsMatchReference(MinMaxNormalize student) {
    int[][] shapes = {{16, 16}, {7, 7}, {3, 5}, {1, 9}, {64, 64}};
    Random random = new Random(2016);
    for (int[] s : shapes) {
      NDArray map = Inputs.gaussian(manager, random, new Shape(s[0], s[1])).mul(random.nextFloat() * 20).add(random.nextFloat() * 10 - 5);
      float[] expected = MapOps.minMaxNormalize(map.expandDims(0)).squeeze(0).toFloatArray();
      NDAssert.assertValues(expected, new Shape(s[0], s[1]), normalize(student, map), REL_TOL, call(map), SHAPE_HINT);
    }
  }

  @Test
  @Order(6)
  @DisplayName("the argument is left unchanged (no in-place operations, nothing closed)")
  void argumentIsNotModified(MinMaxNormalize student) {
    NDArray map = Inputs.gaussian(manager, new Random(7), new Shape(4, 5));
    normalize(student, map);
  }

  /** The student's result, after checking that the call left the map as it was. */
  private static NDArray normalize(MinMaxNormalize student, NDArray map) {
    Arguments before = Arguments.of("map", map);
    NDArray normalized = student.minMaxNormalize(map);
    before.assertUnchanged(call(map), Arguments.IN_PLACE_HINT);
    return normalized;
  }

  private static String call(NDArray map) {
    return "minMaxNormalize(map " + map.getShape() + ")";
  }
}
