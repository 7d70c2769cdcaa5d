package camlab.exercises.graders.gradcam;

import java.util.Random;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import camlab.exercises.graders.Arguments;
import camlab.exercises.graders.ArrayGrader;
import camlab.exercises.graders.Inputs;
import camlab.exercises.graders.NDAssert;
import camlab.exercises.graders.Points;
import camlab.exercises.graders.StudentAnswer;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Grades exercise 3.2 ({@link GradCamMap}): golden values, random inputs against the library's weighted sum + ReLU, edge cases; every
 * result must be float32 of shape [B,h,w], and every call must leave its arguments unchanged. A single channel (K = 1) is
 * {@code GradCamMapHiddenGrader}'s.
 */
@ExtendWith(StudentAnswer.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("3.2 Grad-CAM map")
public class GradCamMapGrader extends ArrayGrader {
  static final String SHAPE_HINT = "one map per image: weight image b's channels by row b of the weights, sum over the channel axis 1";
  static final double REL_TOL = 1e-4;
  /** Image 0: A_0=[[1,2,0]], A_1=[[0,1,3]], α=[1,-1]; image 1: A_0=[[2,0,1]], A_1=[[1,1,1]], α=[0.5,2]. */
  static final float[] GOLDEN_A = {1, 2, 0, 0, 1, 3, 2, 0, 1, 1, 1, 1};
  static final float[] GOLDEN_W = {1, -1, 0.5f, 2};
  static final String GOLDEN_TEXT = " with image 0: A_0=[[1,2,0]], A_1=[[0,1,3]], α=[1,-1]; image 1: A_0=[[2,0,1]], A_1=[[1,1,1]], α=[0.5,2]";

  @Test
  @Order(1)
  @DisplayName("hand-computed: two images, each with its own weights; negative sums become 0")
  @Points(0.5)
  void goldenTwoImages(GradCamMap student) {
    NDArray a = manager.create(GOLDEN_A, new Shape(2, 2, 1, 3));
    NDArray w = manager.create(GOLDEN_W, new Shape(2, 2));
    // image 0: [1-0, 2-1, 0-3] = [1, 1, -3] → ReLU [1, 1, 0]; image 1: [1+2, 0+2, 0.5+2] = [3, 2, 2.5]
    NDAssert.assertValues(new float[] {1, 1, 0, 3, 2, 2.5f}, new Shape(2, 1, 3), map(student, a, w), REL_TOL,
        call(a, w) + GOLDEN_TEXT + " (Σ_k α_k A_k = [[1,1,-3]] and [[3,2,2.5]], then ReLU)", SHAPE_HINT);
  }

  @Test
  @Order(2)
  @DisplayName("random inputs match the library: ReLU of the weighted sum, for B=1..4, K=3..64")
  @Points(0.5)
  void randomInputsMatchReference(GradCamMap student) {
    assertMatchesReference(manager, student, new int[][] {{2, 3, 4, 5}, {4, 64, 7, 7}, {3, 8, 16, 16}, {1, 5, 2, 9}}, new Random(2017));
  }

  @Test
  @Order(3)
  @DisplayName("edge cases: zero weights and evidence that is negative everywhere give all-zero maps")
  @Points(0.25)
  void edgeCases(GradCamMap student) {
    NDArray a = Inputs.uniform(manager, new Random(5), new Shape(2, 3, 2, 2));
    NDArray zero = manager.zeros(new Shape(2, 3));
    NDAssert.assertValues(new float[8], new Shape(2, 2, 2), map(student, a, zero), REL_TOL, call(a, zero) + " with all weights 0",
        SHAPE_HINT);
    NDArray negative = manager.create(new float[] {-1, -2, -0.5f, -3, -1, -1}, new Shape(2, 3));
    NDAssert.assertValues(new float[8], new Shape(2, 2, 2), map(student, a, negative), REL_TOL,
        call(a, negative) + " with non-negative activations and negative weights (every sum is < 0, so ReLU gives 0)", SHAPE_HINT);
  }

  @Test
  @Order(4)
  @DisplayName("the arguments are left unchanged (no in-place operations, nothing closed)")
  @Points(0.25)
  void argumentsAreNotModified(GradCamMap student) {
    Random random = new Random(7);
    NDArray a = Inputs.gaussian(manager, random, new Shape(2, 4, 3, 5));
    NDArray w = Inputs.gaussian(manager, random, new Shape(2, 4));
    map(student, a, w);
  }

  /** Random activations [B,K,h,w] and weights [B,K] for each {B, K, h, w} of {@code dims}, the student's map against the library's. */
  static void assertMatchesReference(NDManager manager, GradCamMap student, int[][] dims, Random random) {
    for (int[] d : dims) {
      NDArray a = Inputs.gaussian(manager, random, new Shape(d[0], d[1], d[2], d[3]));
      NDArray w = Inputs.gaussian(manager, random, new Shape(d[0], d[1]));
      NDAssert.assertValues(MapReference.reluWeightedSum(a, w, 1f), new Shape(d[0], d[2], d[3]), map(student, a, w), REL_TOL,
          call(a, w), SHAPE_HINT);
    }
  }

  /** The student's map, after checking that the call left both arguments as they were. */
  static NDArray map(GradCamMap student, NDArray a, NDArray w) {
    Arguments before = Arguments.of("activations", a).and("weights", w);
    NDArray map = student.gradCamMap(a, w);
    before.assertUnchanged(call(a, w), Arguments.IN_PLACE_HINT);
    return map;
  }

  static String call(NDArray a, NDArray w) {
    return "gradCamMap(activations " + a.getShape() + ", weights " + w.getShape() + ")";
  }
}
