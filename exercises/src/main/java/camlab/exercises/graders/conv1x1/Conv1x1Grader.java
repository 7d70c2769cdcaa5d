package camlab.exercises.graders.conv1x1;

import java.util.stream.Stream;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;

import camlab.exercises.graders.ExerciseGrader;
import camlab.exercises.graders.ExerciseSpec;
import camlab.exercises.graders.Points;
import camlab.exercises.graders.Tensor;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import static camlab.exercises.graders.Args.args;
import static camlab.exercises.graders.ExerciseSpec.dims;

/**
 * Grades exercise 5.1 ({@link Conv1x1}): golden values, random inputs against PyTorch's convolution ({@link Conv2d#conv2d}), edge cases;
 * every result must be float32 of shape [B,C,h,w], and every call must leave its arguments unchanged. A single channel (K = 1) or a
 * single class (C = 1) is {@code Conv1x1HiddenGrader}'s.
 */
@DisplayName("5.1 1x1 convolution")
public class Conv1x1Grader extends ExerciseGrader {
  /** Random features [B,K,h,w], weights [C,K] and biases [C]: dims {B, K, C, h, w}. */
  static final ExerciseSpec<Conv1x1> SPEC = ExerciseSpec.of(Conv1x1.class)
      .reference(a -> {
        Shape w = a.array(1).getShape();
        return Conv2d.conv2d(a.array(0), a.array(1).reshape(w.get(0), w.get(1), 1, 1), a.array(2)).singletonOrThrow();
      })
      .tolerance(1e-4)
      .shapeHint("one map per class: [B,C,h,w] — treat A as [K, h·w] per image, multiply W [C,K] by it, add b_c to row c")
      .unchanged("features", "weight", "bias")
      .golden("hand-computed: K=2 channels, C=3 classes, one row of 2 positions",
          in -> args(in.array(new float[] {1, 2, 3, -1}, 1, 2, 1, 2), in.array(new float[] {1, 0, 0, 1, 2, -1}, 3, 2),
              in.array(new float[] {0.5f, 0, -1}, 3)),
          // class 0: A_0 + 0.5 = [1.5, 2.5]; class 1: A_1 = [3, -1]; class 2: 2A_0 − A_1 − 1 = [-2, 4]
          Tensor.of(new float[] {1.5f, 2.5f, 3, -1, -2, 4}, 1, 3, 1, 2),
          "with A_0=[[1,2]], A_1=[[3,-1]], W=[[1,0],[0,1],[2,-1]], b=[0.5,0,-1]")
      .golden("edge case: zero weights give the bias everywhere",
          in -> args(in.gaussian(2, 3, 2, 2), in.manager().zeros(new Shape(2, 3)), in.array(new float[] {4, -1}, 2)),
          Tensor.of(new float[] {4, 4, 4, 4, -1, -1, -1, -1, 4, 4, 4, 4, -1, -1, -1, -1}, 2, 2, 2, 2),
          "with W = 0 and b = [4,-1] (each class map is its bias everywhere)")
      .random(2013, (in, d) -> args(in.gaussian(d[0], d[1], d[3], d[4]), in.gaussian(d[2], d[1]), in.gaussian(d[2])),
          dims(2, 3, 4, 5, 6), dims(3, 128, 10, 16, 16), dims(1, 8, 3, 1, 9), dims(4, 5, 5, 7, 7), dims(3, 5, 4, 1, 1))
      .randomWhy(a -> a.array(0).getShape().get(2) * a.array(0).getShape().get(3) == 1 ? " on a 1x1 grid (then S = A·Wᵀ + b, a Linear layer)" : "")
      .build();

  @TestFactory
  @Order(1)
  @DisplayName("hand-computed: K=2, C=3 on one row; zero weights give the bias everywhere")
  @Points(1)
  Stream<DynamicTest> golden(Conv1x1 student) {
    return SPEC.golden(student);
  }

  @Test
  @Order(2)
  @DisplayName("random inputs match a real 1x1 convolution (Conv2d.conv2d) for several B, K, C and grids, a 1x1 grid included")
  @Points(1)
  void randomInputsMatchConvolution(Conv1x1 student) {
    SPEC.assertMatchesReference(student);
  }

  @Test
  @Order(3)
  @DisplayName("the arguments are left unchanged (no in-place operations, nothing closed)")
  @Points(0.5)
  void argumentsAreNotModified(Conv1x1 student) {
    SPEC.assertArgumentsUnchanged(student);
  }
}
