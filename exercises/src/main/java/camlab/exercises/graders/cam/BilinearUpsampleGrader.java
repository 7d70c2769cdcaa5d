package camlab.exercises.graders.cam;

import java.util.Random;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import camlab.exercises.graders.Arguments;
import camlab.exercises.graders.ArrayGrader;
import camlab.exercises.graders.Inputs;
import camlab.exercises.graders.NDAssert;
import camlab.exercises.graders.StudentAnswer;
import camlab.ops.MapOps;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Grades exercise 2.3 ({@link BilinearUpsample}): golden values, random maps against {@link MapOps#upsampleBilinear}, edge cases; every
 * result must be float32 of shape [height,width], and every call must leave the map unchanged. Maps whose height and width grow
 * by different factors are {@code BilinearUpsampleHiddenGrader}'s.
 */
@ExtendWith(StudentAnswer.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("2.3 Bilinear upsampling")
public class BilinearUpsampleGrader extends ArrayGrader {
  static final String SHAPE_HINT = "the result is [height, width]: height rows, width columns";
  static final String RULE = "half-pixel centres: y_src = (y + 0.5)·h/height − 0.5, clamped to [0, h−1]; the same for x";
  static final double REL_TOL = 1e-5;

  @Test
  @Order(1)
  @DisplayName("hand-computed: [[0,4],[8,12]] from 2x2 to 4x4")
  void goldenTwoByTwo(BilinearUpsample student) {
    NDArray map = manager.create(new float[] {0, 4, 8, 12}, new Shape(2, 2));
    // Each axis samples the input at -0.25 (clamped to 0), 0.25, 0.75, 1.25 (clamped to 1).
    float[] expected = {0, 1, 3, 4, 2, 3, 5, 6, 6, 7, 9, 10, 8, 9, 11, 12};
    NDAssert.assertValues(expected, new Shape(4, 4), upsample(student, map, 4, 4), REL_TOL,
        call(map, 4, 4) + " with M=[[0,4],[8,12]]; " + RULE + ", so the 4 output rows/columns sample positions -0.25→0, 0.25, 0.75, 1.25→1",
        SHAPE_HINT);
  }

  @Test
  @Order(2)
  @DisplayName("hand-computed: one row [[0,8]] to 2x4 (height and width differ)")
  void goldenNonSquare(BilinearUpsample student) {
    NDArray map = manager.create(new float[] {0, 8}, new Shape(1, 2));
    float[] expected = {0, 2, 6, 8, 0, 2, 6, 8};
    NDAssert.assertValues(expected, new Shape(2, 4), upsample(student, map, 2, 4), REL_TOL,
        call(map, 2, 4) + " with M=[[0,8]] (one input row: every output row is the same; columns sample -0.25→0, 0.25, 0.75, 1.25→1)",
        SHAPE_HINT);
  }

  @Test
  @Order(3)
  @DisplayName("random maps match the library's MapOps.upsampleBilinear (PyTorch's interpolate, align_corners=false)")
  void randomMapsMatchReference(BilinearUpsample student) {
    // height and width grow by the same factor here: 4, 9.14, 2, 3 and 1 (the same size)
    int[][] sizes = {{16, 16, 64, 64}, {7, 7, 64, 64}, {3, 5, 6, 10}, {4, 2, 12, 6}, {5, 5, 5, 5}};
    assertMatchesReference(manager, student, sizes, new Random(2017));
  }

  @Test
  @Order(4)
  @DisplayName("edge case: a 1x1 map becomes a constant map")
  void singlePixel(BilinearUpsample student) {
    NDArray map = manager.create(new float[] {-1.5f}, new Shape(1, 1));
    NDAssert.assertValues(Inputs.filled(12, -1.5f), new Shape(3, 4), upsample(student, map, 3, 4), REL_TOL,
        call(map, 3, 4) + " with M=[[-1.5]] (every sample position clamps to the only pixel)", SHAPE_HINT);
  }

  @Test
  @Order(5)
  @DisplayName("the argument is left unchanged (no in-place operations, nothing closed)")
  void argumentIsNotModified(BilinearUpsample student) {
    NDArray map = Inputs.gaussian(manager, new Random(7), new Shape(4, 5));
    upsample(student, map, 8, 10);
  }

  /** A random map [h,w] upsampled to [height,width] for each {h, w, height, width} of {@code sizes}, against the library's. */
  static void assertMatchesReference(NDManager manager, BilinearUpsample student, int[][] sizes, Random random) {
    for (int[] s : sizes) {
      NDArray map = Inputs.gaussian(manager, random, new Shape(s[0], s[1]));
      float[] expected = MapOps.upsampleBilinear(map.expandDims(0), s[2], s[3]).squeeze(0).toFloatArray();
      NDAssert.assertValues(expected, new Shape(s[2], s[3]), upsample(student, map, s[2], s[3]), REL_TOL,
          call(map, s[2], s[3]) + (s[0] == s[2] && s[1] == s[3] ? " (same size: must return the map unchanged)" : "") + "; " + RULE,
          SHAPE_HINT);
    }
  }

  /** The student's result, after checking that the call left the map as it was. */
  static NDArray upsample(BilinearUpsample student, NDArray map, int height, int width) {
    Arguments before = Arguments.of("map", map);
    NDArray up = student.upsampleBilinear(map, height, width);
    before.assertUnchanged(call(map, height, width), Arguments.IN_PLACE_HINT);
    return up;
  }

  static String call(NDArray map, int height, int width) {
    return "upsampleBilinear(map " + map.getShape() + ", height " + height + ", width " + width + ")";
  }
}
