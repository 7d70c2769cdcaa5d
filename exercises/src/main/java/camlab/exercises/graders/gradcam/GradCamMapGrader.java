package camlab.exercises.graders.gradcam;

import java.util.stream.Stream;

import ai.djl.ndarray.types.Shape;

import camlab.exercises.graders.Args;
import camlab.exercises.graders.ExerciseGrader;
import camlab.exercises.graders.ExerciseSpec;
import camlab.exercises.graders.Inputs;
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
 * Grades exercise 3.2 ({@link GradCamMap}): golden values, random inputs against the library's weighted sum + ReLU, edge cases; every
 * result must be float32 of shape [B,h,w], and every call must leave its arguments unchanged. A single channel (K = 1) is
 * {@code GradCamMapHiddenGrader}'s.
 */
@DisplayName("3.2 Grad-CAM map")
public class GradCamMapGrader extends ExerciseGrader {
  /** Image 0: A_0=[[1,2,0]], A_1=[[0,1,3]], α=[1,-1]; image 1: A_0=[[2,0,1]], A_1=[[1,1,1]], α=[0.5,2]. */
  static final String GOLDEN_TEXT = "with image 0: A_0=[[1,2,0]], A_1=[[0,1,3]], α=[1,-1]; image 1: A_0=[[2,0,1]], A_1=[[1,1,1]], α=[0.5,2]";
  /** Random activations [B,K,h,w] and weights [B,K]: dims {B, K, h, w}. */
  static final ExerciseSpec<GradCamMap> SPEC = ExerciseSpec.of(GradCamMap.class)
      .reference(a -> MapReference.reluWeightedSum(a.array(0), a.array(1), 1f))
      .tolerance(1e-4)
      .shapeHint("one map per image: weight image b's channels by row b of the weights, sum over the channel axis 1")
      .unchanged("activations", "weights")
      .golden("hand-computed: two images, each with its own weights; negative sums become 0", GradCamMapGrader::goldenInputs,
          // image 0: [1-0, 2-1, 0-3] = [1, 1, -3] → ReLU [1, 1, 0]; image 1: [1+2, 0+2, 0.5+2] = [3, 2, 2.5]
          Tensor.of(new float[] {1, 1, 0, 3, 2, 2.5f}, 2, 1, 3), GOLDEN_TEXT + " (Σ_k α_k A_k = [[1,1,-3]] and [[3,2,2.5]], then ReLU)")
      .golden("edge case: zero weights give all-zero maps", in -> args(in.uniform(2, 3, 2, 2), in.manager().zeros(new Shape(2, 3))),
          Tensor.filled(0, 2, 2, 2), "with all weights 0")
      .golden("edge case: evidence that is negative everywhere gives all-zero maps",
          in -> args(in.uniform(2, 3, 2, 2), in.array(new float[] {-1, -2, -0.5f, -3, -1, -1}, 2, 3)), Tensor.filled(0, 2, 2, 2),
          "with non-negative activations and negative weights (every sum is < 0, so ReLU gives 0)")
      .random(2017, (in, d) -> args(in.gaussian(d[0], d[1], d[2], d[3]), in.gaussian(d[0], d[1])),
          dims(2, 3, 4, 5), dims(4, 64, 7, 7), dims(3, 8, 16, 16), dims(1, 5, 2, 9))
      .build();

  @TestFactory
  @Order(1)
  @DisplayName("hand-computed: two images with their own weights; zero and negative evidence give all-zero maps")
  @Points(0.75)
  Stream<DynamicTest> golden(GradCamMap student) {
    return SPEC.golden(student);
  }

  @Test
  @Order(2)
  @DisplayName("random inputs match the library: ReLU of the weighted sum, for B=1..4, K=3..64")
  @Points(0.5)
  void randomInputsMatchReference(GradCamMap student) {
    SPEC.assertMatchesReference(student);
  }

  @Test
  @Order(3)
  @DisplayName("the arguments are left unchanged (no in-place operations, nothing closed)")
  @Points(0.25)
  void argumentsAreNotModified(GradCamMap student) {
    SPEC.assertArgumentsUnchanged(student);
  }

  /** The activations [2,2,1,3] and weights [2,2] of {@link #GOLDEN_TEXT}. */
  static Args goldenInputs(Inputs in) {
    return args(in.array(new float[] {1, 2, 0, 0, 1, 3, 2, 0, 1, 1, 1, 1}, 2, 2, 1, 3), in.array(new float[] {1, -1, 0.5f, 2}, 2, 2));
  }
}
