package camlab.exercises.graders.cam;

import java.util.Random;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import camlab.exercises.graders.Arguments;
import camlab.exercises.graders.ArrayGrader;
import camlab.exercises.graders.Inputs;
import camlab.exercises.graders.NDAssert;
import camlab.explain.Cam;
import camlab.exercises.graders.StudentAnswer;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Grades exercise 2.1 ({@link ClassActivationMap}): golden values, random inputs against {@link Cam}, edge cases; every result must be
 * float32 of shape [h,w], and every call must leave its arguments unchanged. Grids one pixel high or wide are
 * {@code ClassActivationMapHiddenGrader}'s.
 */
@ExtendWith(StudentAnswer.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // hand-checkable failures first: their messages are the clearest
@DisplayName("2.1 Class activation map")
public class ClassActivationMapGrader extends ArrayGrader {
  static final String SHAPE_HINT = "weight each channel A_k by w_k, then sum over the channel axis (axis 0)";
  static final double REL_TOL = 1e-4;

  @Test
  @Order(1)
  @DisplayName("hand-computed map: K=2 channels on a 2x2 grid, negative values kept")
  void goldenTwoChannels(ClassActivationMap student) {
    NDArray features = manager.create(new float[] {1, 2, 3, 4, 0, 1, -1, 2}, new Shape(2, 2, 2));
    NDArray weights = manager.create(new float[] {0.5f, -2f});
    NDArray map = cam(student, features, weights);
    NDAssert.assertValues(new float[] {0.5f, -1f, 3.5f, -2f}, new Shape(2, 2), map, REL_TOL,
        call(features, weights) + " with A_0=[[1,2],[3,4]], A_1=[[0,1],[-1,2]], w=[0.5,-2]", SHAPE_HINT);
  }

  @Test
  @Order(2)
  @DisplayName("hand-computed map: K=1 channel on a non-square 2x3 grid")
  void goldenOneChannelNonSquare(ClassActivationMap student) {
    NDArray features = manager.create(new float[] {1, 0, -1, 2, 3, -4}, new Shape(1, 2, 3));
    NDArray weights = manager.create(new float[] {-1.5f});
    NDArray map = cam(student, features, weights);
    NDAssert.assertValues(new float[] {-1.5f, 0f, 1.5f, -3f, -4.5f, 6f}, new Shape(2, 3), map, REL_TOL,
        call(features, weights) + " with A_0=[[1,0,-1],[2,3,-4]], w=[-1.5]", SHAPE_HINT);
  }

  @Test
  @Order(3)
  @DisplayName("random inputs match the library's Cam for K=3..64 and square and non-square grids")
  void randomInputsMatchReference(ClassActivationMap student) {
    assertMatchesReference(manager, student, new int[][] {{3, 4, 5}, {8, 7, 7}, {64, 7, 7}, {5, 14, 10}}, new Random(2016));
  }

  @Test
  @Order(4)
  @DisplayName("arguments are left unchanged (no in-place operations, nothing closed)")
  void argumentsAreNotModified(ClassActivationMap student) {
    Random random = new Random(7);
    NDArray features = Inputs.gaussian(manager, random, new Shape(4, 3, 5));
    NDArray weights = Inputs.gaussian(manager, random, new Shape(4));
    cam(student, features, weights);
  }

  @Test
  @Order(5)
  @DisplayName("edge cases: zero weights give a zero map, constant channels give a constant map")
  void edgeCases(ClassActivationMap student) {
    NDArray features = manager.ones(new Shape(3, 2, 4)).mul(manager.create(new float[] {2, -1, 5}).reshape(3, 1, 1));
    NDArray zeros = manager.zeros(new Shape(3));
    NDAssert.assertValues(new float[8], new Shape(2, 4), cam(student, features, zeros), REL_TOL,
        call(features, zeros) + " with all weights 0", SHAPE_HINT);
    NDArray weights = manager.create(new float[] {1, 3, 0.5f});
    float constant = 2 * 1 + (-1) * 3 + 5 * 0.5f;
    float[] expected = Inputs.filled(8, constant);
    NDAssert.assertValues(expected, new Shape(2, 4), cam(student, features, weights), REL_TOL,
        call(features, weights) + " with constant channels A_k = [2, -1, 5] and w = [1, 3, 0.5]", SHAPE_HINT);
  }

  /** Random features [K,h,w] and weights [K] for each {K, h, w} of {@code kHw}, the student's map against the library's. */
  static void assertMatchesReference(NDManager manager, ClassActivationMap student, int[][] kHw, Random random) {
    for (int[] dims : kHw) {
      NDArray features = Inputs.gaussian(manager, random, new Shape(dims[0], dims[1], dims[2]));
      NDArray weights = Inputs.gaussian(manager, random, new Shape(dims[0]));
      float[] expected = reference(features, weights);
      NDArray map = cam(student, features, weights);
      NDAssert.assertValues(expected, new Shape(dims[1], dims[2]), map, REL_TOL, call(features, weights), SHAPE_HINT);
    }
  }

  /** The library's CAM for one image and one class: [K,h,w] and [K] as a batch of one with a one-row weight. */
  static float[] reference(NDArray features, NDArray weights) {
    NDArray maps = Cam.classActivationMaps(features.expandDims(0), weights.expandDims(0), new int[] {0});
    return maps.squeeze(0).toFloatArray();
  }

  /** The student's map, after checking that the call left both arguments as they were. */
  static NDArray cam(ClassActivationMap student, NDArray features, NDArray weights) {
    Arguments before = Arguments.of("features", features).and("classWeights", weights);
    NDArray map = student.classActivationMap(features, weights);
    before.assertUnchanged(call(features, weights), Arguments.IN_PLACE_HINT);
    return map;
  }

  static String call(NDArray features, NDArray weights) {
    return "classActivationMap(features " + features.getShape() + ", classWeights " + weights.getShape() + ")";
  }
}
