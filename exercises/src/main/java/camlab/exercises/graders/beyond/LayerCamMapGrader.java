package camlab.exercises.graders.beyond;

import java.util.stream.Stream;

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
 * Grades exercise 8.1 ({@link LayerCamMap}): golden values, random post-ReLU activations (A ≥ 0, the usual case) with gradients
 * of either sign against a loop over the formula, and a signed activation that the outer ReLU must clear; every result must be
 * float32 of shape [B,h,w], and every call must leave its arguments unchanged. Activations of either sign across several
 * channels (a layer before its ReLU) are {@code LayerCamMapHiddenGrader}'s.
 */
@DisplayName("8.1 LayerCAM map")
public class LayerCamMapGrader extends ExerciseGrader {
  static final String GOLDEN_TEXT = "with image 0: A_0=[[1,2,0]], A_1=[[3,1,2]], g_0=[[1,-1,2]], g_1=[[-2,0.5,1]];"
      + " image 1: A_0=[[2,0,1]], A_1=[[1,1,1]], g_0=[[0.5,0.5,-1]], g_1=[[1,-1,0]]";
  /** Random post-ReLU activations [B,K,h,w] (uniform in [0,1)) and Gaussian gradients of the same shape: dims {B, K, h, w}. */
  static final ExerciseSpec<LayerCamMap> SPEC = ExerciseSpec.of(LayerCamMap.class)
      .reference(a -> BeyondReference.layerCam(a.array(0), a.array(1)))
      .tolerance(1e-4)
      .shapeHint("one map per image: weight every position of every channel by its own ReLU(g), then sum over the channel axis 1")
      .unchanged("activations", "gradients")
      .golden("hand-computed: two images; negative gradients weigh 0 at their own positions", LayerCamMapGrader::goldenInputs,
          // image 0: ReLU(g_0)=[1,0,2], ReLU(g_1)=[0,0.5,1] → [1·1+0·3, 0·2+0.5·1, 2·0+1·2] = [1, 0.5, 2]
          // image 1: ReLU(g_0)=[0.5,0.5,0], ReLU(g_1)=[1,0,0] → [0.5·2+1·1, 0.5·0+0, 0+0] = [2, 0, 0]
          Tensor.of(new float[] {1, 0.5f, 2, 2, 0, 0}, 2, 1, 3),
          GOLDEN_TEXT + " (Σ_k ReLU(g_k)·A_k = [[1,0.5,2]] and [[2,0,0]]; a Grad-CAM-style mean gradient per channel gives other values)")
      .golden("edge case: gradients negative everywhere give all-zero maps",
          in -> args(in.uniform(2, 3, 2, 2), in.array(new float[] {-1, -2, -0.5f, -3, -1, -1, -2, -4, -1, -1, -1, -1,
              -0.1f, -2, -3, -1, -1, -1, -5, -1, -2, -2, -2, -2}, 2, 3, 2, 2)),
          Tensor.filled(0, 2, 2, 2), "with every gradient < 0 (each ReLU(g) is 0)")
      .golden("edge case: a negative activation with a positive gradient: the outer ReLU clears it",
          in -> args(in.array(new float[] {-1, 2}, 1, 1, 1, 2), in.array(new float[] {1, 3}, 1, 1, 1, 2)), Tensor.of(new float[] {0, 6}, 1, 1, 2),
          "with one channel A=[[-1,2]], g=[[1,3]]: Σ_k ReLU(g_k)·A_k = [[-1,6]], and the outer ReLU makes it [[0,6]]")
      .random(2021, (in, d) -> args(in.uniform(d[0], d[1], d[2], d[3]), in.gaussian(d[0], d[1], d[2], d[3])),
          dims(2, 3, 4, 5), dims(4, 64, 7, 7), dims(3, 8, 16, 16), dims(1, 5, 2, 9), dims(2, 1, 3, 3))
      .randomWhy(a -> "with activations ≥ 0 (after a ReLU) and gradients of either sign")
      .build();

  @TestFactory
  @Order(1)
  @DisplayName("hand-computed: positive gradients weigh each position, negative ones give 0, the outer ReLU clears negative sums")
  @Points(0.75)
  Stream<DynamicTest> golden(LayerCamMap student) {
    return SPEC.golden(student);
  }

  @Test
  @Order(2)
  @DisplayName("random post-ReLU activations and signed gradients match the formula, for B=1..4, K=1..64")
  @Points(0.5)
  void randomInputsMatchReference(LayerCamMap student) {
    SPEC.assertMatchesReference(student);
  }

  @Test
  @Order(3)
  @DisplayName("the arguments are left unchanged (no in-place ReLU on the gradients, nothing closed)")
  @Points(0.25)
  void argumentsAreNotModified(LayerCamMap student) {
    SPEC.assertArgumentsUnchanged(student);
  }

  /** The activations and gradients [2,2,1,3] of {@link #GOLDEN_TEXT}. */
  static Args goldenInputs(Inputs in) {
    return args(in.array(new float[] {1, 2, 0, 3, 1, 2, 2, 0, 1, 1, 1, 1}, 2, 2, 1, 3),
        in.array(new float[] {1, -1, 2, -2, 0.5f, 1, 0.5f, 0.5f, -1, 1, -1, 0}, 2, 2, 1, 3));
  }
}
