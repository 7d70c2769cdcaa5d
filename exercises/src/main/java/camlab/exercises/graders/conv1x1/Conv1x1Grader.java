package camlab.exercises.graders.conv1x1;

import java.util.Random;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;

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
 * Grades exercise 5.1 ({@link Conv1x1}): golden values, random inputs against PyTorch's convolution ({@link Conv2d#conv2d}), edge cases;
 * every result must be float32 of shape [B,C,h,w], and every call must leave its arguments unchanged. A single channel (K = 1) or a
 * single class (C = 1) is {@code Conv1x1HiddenGrader}'s.
 */
@ExtendWith(StudentAnswer.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("5.1 1x1 convolution")
public class Conv1x1Grader extends ArrayGrader {
  private static final String SHAPE_HINT = "one map per class: [B,C,h,w] — treat A as [K, h·w] per image, multiply W [C,K] by it, add b_c to row c";
  private static final double REL_TOL = 1e-4;

  @Test
  @Order(1)
  @DisplayName("hand-computed: K=2 channels, C=3 classes, one row of 2 positions")
  @Points(0.5)
  void goldenSmall(Conv1x1 student) {
    NDArray features = manager.create(new float[] {1, 2, 3, -1}, new Shape(1, 2, 1, 2));
    NDArray weight = manager.create(new float[] {1, 0, 0, 1, 2, -1}, new Shape(3, 2));
    NDArray bias = manager.create(new float[] {0.5f, 0, -1});
    // class 0: A_0 + 0.5 = [1.5, 2.5]; class 1: A_1 = [3, -1]; class 2: 2A_0 − A_1 − 1 = [-2, 4]
    NDAssert.assertValues(new float[] {1.5f, 2.5f, 3, -1, -2, 4}, new Shape(1, 3, 1, 2), conv(student, features, weight, bias), REL_TOL,
        call(features, weight, bias) + " with A_0=[[1,2]], A_1=[[3,-1]], W=[[1,0],[0,1],[2,-1]], b=[0.5,0,-1]", SHAPE_HINT);
  }

  @Test
  @Order(2)
  @DisplayName("random inputs match a real 1x1 convolution (Conv2d.conv2d) for several B, K, C and grids")
  @Points(1)
  void randomInputsMatchConvolution(Conv1x1 student) {
    // {B, K, C, h, w}
    assertMatchesConvolution(manager, student, new int[][] {{2, 3, 4, 5, 6}, {3, 128, 10, 16, 16}, {1, 8, 3, 1, 9}, {4, 5, 5, 7, 7}},
        new Random(2013));
  }

  @Test
  @Order(3)
  @DisplayName("edge cases: zero weights give the bias everywhere; a 1x1 grid is a Linear layer")
  @Points(0.5)
  void edgeCases(Conv1x1 student) {
    Random random = new Random(3);
    NDArray features = Inputs.gaussian(manager, random, new Shape(2, 3, 2, 2));
    NDArray zero = manager.zeros(new Shape(2, 3));
    NDArray bias = manager.create(new float[] {4, -1});
    float[] expected = {4, 4, 4, 4, -1, -1, -1, -1, 4, 4, 4, 4, -1, -1, -1, -1};
    NDAssert.assertValues(expected, new Shape(2, 2, 2, 2), conv(student, features, zero, bias), REL_TOL,
        call(features, zero, bias) + " with W = 0 and b = [4,-1] (each class map is its bias everywhere)", SHAPE_HINT);
    NDArray vector = Inputs.gaussian(manager, random, new Shape(3, 5, 1, 1));
    NDArray weight = Inputs.gaussian(manager, random, new Shape(4, 5));
    NDArray b4 = manager.create(new float[] {1, 2, 3, 4});
    float[] linearExpected = vector.reshape(3, 5).matMul(weight.transpose()).add(b4).toFloatArray();
    NDAssert.assertValues(linearExpected, new Shape(3, 4, 1, 1), conv(student, vector, weight, b4), REL_TOL,
        call(vector, weight, b4) + " on a 1x1 grid (then S = A·Wᵀ + b, a Linear layer)", SHAPE_HINT);
  }

  @Test
  @Order(4)
  @DisplayName("the arguments are left unchanged (no in-place operations, nothing closed)")
  @Points(0.5)
  void argumentsAreNotModified(Conv1x1 student) {
    Random random = new Random(7);
    NDArray features = Inputs.gaussian(manager, random, new Shape(2, 4, 3, 5));
    NDArray weight = Inputs.gaussian(manager, random, new Shape(3, 4));
    NDArray bias = Inputs.gaussian(manager, random, new Shape(3));
    conv(student, features, weight, bias);
  }

  /** Random features [B,K,h,w], weights [C,K] and biases [C] for each {B, K, C, h, w} of {@code dims}, against Conv2d.conv2d. */
  static void assertMatchesConvolution(NDManager manager, Conv1x1 student, int[][] dims, Random random) {
    for (int[] d : dims) {
      NDArray features = Inputs.gaussian(manager, random, new Shape(d[0], d[1], d[3], d[4]));
      NDArray weight = Inputs.gaussian(manager, random, new Shape(d[2], d[1]));
      NDArray bias = Inputs.gaussian(manager, random, new Shape(d[2]));
      float[] expected = Conv2d.conv2d(features, weight.reshape(d[2], d[1], 1, 1), bias).singletonOrThrow().toFloatArray();
      NDAssert.assertValues(expected, new Shape(d[0], d[2], d[3], d[4]), conv(student, features, weight, bias), REL_TOL,
          call(features, weight, bias), SHAPE_HINT);
    }
  }

  /** The student's class maps, after checking that the call left all three arguments as they were. */
  static NDArray conv(Conv1x1 student, NDArray features, NDArray weight, NDArray bias) {
    Arguments before = Arguments.of("features", features).and("weight", weight).and("bias", bias);
    NDArray maps = student.conv1x1(features, weight, bias);
    before.assertUnchanged(call(features, weight, bias), Arguments.IN_PLACE_HINT);
    return maps;
  }

  private static String call(NDArray features, NDArray weight, NDArray bias) {
    return "conv1x1(features " + features.getShape() + ", weight " + weight.getShape() + ", bias " + bias.getShape() + ")";
  }
}
