package camlab.exercises.graders.cam;

import java.util.Random;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

import camlab.exercises.graders.Arguments;
import camlab.exercises.graders.ArrayGrader;
import camlab.exercises.graders.Inputs;
import camlab.exercises.graders.NDAssert;
import camlab.exercises.graders.Points;
import camlab.exercises.graders.StudentAnswer;
import camlab.ops.MapOps;

import org.opentest4j.AssertionFailedError;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Grades exercise 2.2 ({@link MinMaxNormalize}): golden values, constant maps, random maps against {@link MapOps#minMaxNormalize};
 * every result must be float32 of the map's shape, and every call must leave the map unchanged. Maps whose range is tiny but not 0
 * are {@code MinMaxNormalizeHiddenGrader}'s.
 */
@ExtendWith(StudentAnswer.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("2.2 Min-max normalisation")
public class MinMaxNormalizeGrader extends ArrayGrader {
  static final String SHAPE_HINT = "the result has the map's shape";
  static final double REL_TOL = 1e-5;

  @Test
  @Order(1)
  @DisplayName("hand-computed: [[2,4],[6,10]] becomes [[0,0.25],[0.5,1]]")
  @Points(0.25)
  void goldenPositive(MinMaxNormalize student) {
    NDArray map = manager.create(new float[] {2, 4, 6, 10}, new Shape(2, 2));
    NDAssert.assertValues(new float[] {0, 0.25f, 0.5f, 1}, new Shape(2, 2), normalize(student, map), REL_TOL,
        call(map) + " with M=[[2,4],[6,10]] (min 2, max 10: subtract the min, divide by max − min = 8)", SHAPE_HINT);
  }

  @Test
  @Order(2)
  @DisplayName("hand-computed: negative values, [[-3,1,5]] becomes [[0,0.5,1]]")
  @Points(0.25)
  void goldenNegative(MinMaxNormalize student) {
    NDArray map = manager.create(new float[] {-3, 1, 5}, new Shape(1, 3));
    NDAssert.assertValues(new float[] {0, 0.5f, 1}, new Shape(1, 3), normalize(student, map), REL_TOL,
        call(map) + " with M=[[-3,1,5]] (the min is negative: the smallest value must still become 0)", SHAPE_HINT);
  }

  @Test
  @Order(3)
  @DisplayName("constant maps become all zeros, never NaN")
  @Points(0.25)
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
  @Order(5)
  @DisplayName("random maps match the library's MapOps.minMaxNormalize: min 0, max 1")
  @Points(0.5)
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
  @Points(0.25)
  void argumentIsNotModified(MinMaxNormalize student) {
    NDArray map = Inputs.gaussian(manager, new Random(7), new Shape(4, 5));
    normalize(student, map);
  }

  /** The student's result, after checking that the call left the map as it was. */
  static NDArray normalize(MinMaxNormalize student, NDArray map) {
    Arguments before = Arguments.of("map", map);
    NDArray normalized = student.minMaxNormalize(map);
    before.assertUnchanged(call(map), Arguments.IN_PLACE_HINT);
    return normalized;
  }

  static String call(NDArray map) {
    return "minMaxNormalize(map " + map.getShape() + ")";
  }
}
