package camlab.exercises.graders.gap;

import java.util.Random;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

import camlab.exercises.graders.Arguments;
import camlab.exercises.graders.ArrayGrader;
import camlab.exercises.graders.Inputs;
import camlab.exercises.graders.NDAssert;
import camlab.exercises.graders.Points;
import camlab.exercises.graders.StudentAnswer;
import camlab.model.GlobalAveragePooling;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Grades exercise 1.1 ({@link GlobalAveragePool}): golden values, random inputs against {@link GlobalAveragePooling}, edge cases;
 * every result must be float32 of shape [K], and every call must leave its argument unchanged. Large grids are
 * {@code GlobalAveragePoolHiddenGrader}'s.
 */
@ExtendWith(StudentAnswer.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("1.1 Global average pooling")
public class GlobalAveragePoolGrader extends ArrayGrader {
  static final String SHAPE_HINT = "average over both spatial axes (1 and 2) and keep the channel axis";
  static final double REL_TOL = 1e-5;

  @Test
  @Order(1)
  @DisplayName("hand-computed: K=2 channels on a 2x2 grid")
  @Points(0.25)
  void goldenTwoChannels(GlobalAveragePool student) {
    NDArray features = manager.create(new float[] {1, 2, 3, 4, 0, -1, -2, 7}, new Shape(2, 2, 2));
    NDAssert.assertValues(new float[] {2.5f, 1f}, new Shape(2), pool(student, features), REL_TOL,
        call(features) + " with A_0=[[1,2],[3,4]], A_1=[[0,-1],[-2,7]] (the mean of each channel's 4 values)", SHAPE_HINT);
  }

  @Test
  @Order(2)
  @DisplayName("hand-computed: K=1 channel on a non-square 2x3 grid")
  @Points(0.25)
  void goldenNonSquare(GlobalAveragePool student) {
    NDArray features = manager.create(new float[] {1, 2, 3, 4, 5, 9}, new Shape(1, 2, 3));
    NDAssert.assertValues(new float[] {4f}, new Shape(1), pool(student, features), REL_TOL,
        call(features) + " with A_0=[[1,2,3],[4,5,9]] (sum 24 over h·w = 6 positions)", SHAPE_HINT);
  }

  @Test
  @Order(3)
  @DisplayName("random inputs match the library's GlobalAveragePooling for K=1..128 and square and non-square grids")
  @Points(0.5)
  void randomInputsMatchReference(GlobalAveragePool student) {
    int[][] kHw = {{1, 1, 1}, {3, 4, 5}, {8, 7, 7}, {128, 16, 16}, {5, 14, 10}, {2, 1, 9}};
    Random random = new Random(2014);
    for (int[] d : kHw) {
      NDArray features = Inputs.gaussian(manager, random, new Shape(d[0], d[1], d[2]));
      float[] expected = GlobalAveragePooling.pool(features.expandDims(0)).squeeze(0).toFloatArray();
      NDAssert.assertValues(expected, new Shape(d[0]), pool(student, features), REL_TOL, call(features), SHAPE_HINT);
    }
  }

  @Test
  @Order(4)
  @DisplayName("the argument is left unchanged (no in-place operations, nothing closed)")
  @Points(0.25)
  void argumentIsNotModified(GlobalAveragePool student) {
    NDArray features = Inputs.gaussian(manager, new Random(7), new Shape(4, 3, 5));
    pool(student, features);
  }

  @Test
  @Order(5)
  @DisplayName("edge cases: a 1x1 grid is returned as is, constant channels give their constant")
  @Points(0.25)
  void edgeCases(GlobalAveragePool student) {
    NDArray single = manager.create(new float[] {3, -1, 0.5f}, new Shape(3, 1, 1));
    NDAssert.assertValues(new float[] {3, -1, 0.5f}, new Shape(3), pool(student, single), REL_TOL,
        call(single) + " on a 1x1 grid (each channel has one value, its mean is that value)", SHAPE_HINT);
    NDArray constant = manager.ones(new Shape(2, 4, 6)).mul(manager.create(new float[] {-2, 5}).reshape(2, 1, 1));
    NDAssert.assertValues(new float[] {-2, 5}, new Shape(2), pool(student, constant), REL_TOL,
        call(constant) + " with constant channels A_0 = -2, A_1 = 5", SHAPE_HINT);
  }

  /** The student's answer, after checking that it left {@code features} as it was. */
  static NDArray pool(GlobalAveragePool student, NDArray features) {
    Arguments before = Arguments.of("features", features);
    NDArray pooled = student.globalAveragePool(features);
    before.assertUnchanged(call(features), Arguments.IN_PLACE_HINT);
    return pooled;
  }

  static String call(NDArray features) {
    return "globalAveragePool(features " + features.getShape() + ")";
  }
}
