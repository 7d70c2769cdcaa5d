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
 * Grades exercise 3.3 ({@link CounterfactualMap}): golden values, random inputs against the library with negated weights, edge cases;
 * every result must be float32 of shape [B,h,w], and every call must leave its arguments unchanged. Activations of either sign are
 * {@code CounterfactualMapHiddenGrader}'s.
 */
@ExtendWith(StudentAnswer.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("3.3 Counterfactual map")
public class CounterfactualMapGrader extends ArrayGrader {
  static final String SHAPE_HINT = "one map per image, like Grad-CAM: [B,h,w]";
  static final double REL_TOL = 1e-4;

  @Test
  @Order(1)
  @DisplayName("hand-computed: the same inputs as 3.2's golden test, with the weights negated before the sum")
  @Points(0.5)
  void goldenTwoImages(CounterfactualMap student) {
    NDArray a = manager.create(GradCamMapGrader.GOLDEN_A, new Shape(2, 2, 1, 3));
    NDArray w = manager.create(GradCamMapGrader.GOLDEN_W, new Shape(2, 2));
    // image 0: Σ (−α_k) A_k = [-1, -1, 3] → [0, 0, 3]; image 1: [-3, -2, -2.5] → [0, 0, 0]
    NDAssert.assertValues(new float[] {0, 0, 3, 0, 0, 0}, new Shape(2, 1, 3), map(student, a, w), REL_TOL,
        call(a, w) + GradCamMapGrader.GOLDEN_TEXT + " (Σ_k (−α_k) A_k = [[-1,-1,3]] and [[-3,-2,-2.5]], then ReLU)", SHAPE_HINT);
  }

  @Test
  @Order(2)
  @DisplayName("random non-negative activations (after a ReLU layer) match the library: ReLU of the sum weighted by −α")
  @Points(0.5)
  void randomInputsMatchReference(CounterfactualMap student) {
    int[][] dims = {{1, 1, 1, 1}, {2, 3, 4, 5}, {4, 64, 7, 7}, {3, 8, 16, 16}, {1, 5, 2, 9}};
    assertMatchesReference(manager, student, dims, new Random(2018), false);
  }

  @Test
  @Order(3)
  @DisplayName("edge cases: positive weights give an all-zero map, zero weights too")
  @Points(0.25)
  void edgeCases(CounterfactualMap student) {
    NDArray a = Inputs.uniform(manager, new Random(5), new Shape(2, 3, 2, 2));
    NDArray positive = manager.create(new float[] {1, 2, 0.5f, 3, 1, 1}, new Shape(2, 3));
    NDAssert.assertValues(new float[8], new Shape(2, 2, 2), map(student, a, positive), REL_TOL,
        call(a, positive) + " with non-negative activations and positive weights (all evidence is for the class: nothing against it)",
        SHAPE_HINT);
    NDArray zero = manager.zeros(new Shape(2, 3));
    NDAssert.assertValues(new float[8], new Shape(2, 2, 2), map(student, a, zero), REL_TOL, call(a, zero) + " with all weights 0",
        SHAPE_HINT);
  }

  @Test
  @Order(4)
  @DisplayName("the arguments are left unchanged (negate a copy, not the caller's weights)")
  @Points(0.25)
  void argumentsAreNotModified(CounterfactualMap student) {
    Random random = new Random(7);
    NDArray a = Inputs.gaussian(manager, random, new Shape(2, 4, 3, 5));
    NDArray w = Inputs.gaussian(manager, random, new Shape(2, 4));
    map(student, a, w);
  }

  /**
   * Random activations [B,K,h,w] — uniform in [0, 1), or standard normal when {@code signed} — and weights [B,K] for each
   * {B, K, h, w} of {@code dims}, the student's map against the library's.
   */
  static void assertMatchesReference(NDManager manager, CounterfactualMap student, int[][] dims, Random random, boolean signed) {
    for (int[] d : dims) {
      Shape shape = new Shape(d[0], d[1], d[2], d[3]);
      NDArray a = signed ? Inputs.gaussian(manager, random, shape) : Inputs.uniform(manager, random, shape);
      NDArray w = Inputs.gaussian(manager, random, new Shape(d[0], d[1]));
      NDAssert.assertValues(MapReference.reluWeightedSum(a, w, -1f), new Shape(d[0], d[2], d[3]), map(student, a, w), REL_TOL,
          call(a, w) + (signed ? " (activations of either sign, as at a layer before its ReLU)" : " (non-negative activations, like"
              + " after a ReLU layer)"), SHAPE_HINT);
    }
  }

  /** The student's map, after checking that the call left both arguments as they were. */
  static NDArray map(CounterfactualMap student, NDArray a, NDArray w) {
    Arguments before = Arguments.of("activations", a).and("weights", w);
    NDArray map = student.counterfactualMap(a, w);
    before.assertUnchanged(call(a, w), Arguments.IN_PLACE_HINT);
    return map;
  }

  static String call(NDArray a, NDArray w) {
    return "counterfactualMap(activations " + a.getShape() + ", weights " + w.getShape() + ")";
  }
}
