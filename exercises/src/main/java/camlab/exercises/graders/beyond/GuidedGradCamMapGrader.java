package camlab.exercises.graders.beyond;

import java.util.stream.Stream;

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
 * Grades exercise 8.4 ({@link GuidedGradCamMap}): golden values, random signed guided gradients of grey images with non-negative
 * Grad-CAM maps against a loop over the formula (upsampling by {@code MapOps.upsampleBilinear}, graded in 2.3); every result
 * must be float32 of shape [B,H,W], and every call must leave its arguments unchanged. Colour images, where the channels must be
 * reduced by max |·|, are {@code GuidedGradCamMapHiddenGrader}'s.
 */
@DisplayName("8.4 Guided Grad-CAM")
public class GuidedGradCamMapGrader extends ExerciseGrader {
  /** Random guided gradients [B,1,H,W] (Gaussian) and Grad-CAM maps [B,h,w] (uniform, ≥ 0): dims {B, C, H, W, h, w}. */
  static final ExerciseSpec<GuidedGradCamMap> SPEC = ExerciseSpec.of(GuidedGradCamMap.class)
      .reference(a -> BeyondReference.guidedGradCam(a.array(0), a.array(1)))
      .tolerance(1e-5)
      .shapeHint("one map per image at the input's size: [B, H, W] — reduce the colour axis 1, upsample Grad-CAM to H × W")
      .unchanged("guidedGradients", "gradCamMaps")
      .golden("hand-computed: Grad-CAM [[0,8]] upsampled to 2x4 gates the magnitude of the guided gradient",
          in -> args(in.array(new float[] {1, -2, 0.5f, -1, -3, 1, 2, 0}, 1, 1, 2, 4), in.array(new float[] {0, 8}, 1, 1, 2)),
          // up(L) = [[0,2,6,8],[0,2,6,8]] (exercise 2.3); |R| = [[1,2,0.5,1],[3,1,2,0]]
          Tensor.of(new float[] {0, 4, 3, 8, 0, 2, 12, 0}, 1, 2, 4),
          "with R = [[1,-2,0.5,-1],[-3,1,2,0]] and L = [[0,8]]: up(L) = [[0,2,6,8],[0,2,6,8]] (half-pixel centres), times |R|")
      .golden("hand-computed: two images, Grad-CAM already at the input's size",
          in -> args(in.array(new float[] {-1, 5, 0.5f, -2, 2, 2, 2, 2}, 2, 1, 2, 2), in.array(new float[] {1, 0, 2, 0.5f, 0, 1, 2, 3}, 2, 2, 2)),
          Tensor.of(new float[] {1, 0, 1, 1, 0, 2, 4, 6}, 2, 2, 2),
          "with R_0 = [[-1,5],[0.5,-2]], L_0 = [[1,0],[2,0.5]] and R_1 = 2 everywhere, L_1 = [[0,1],[2,3]]: |R|·L per image")
      .golden("edge case: a Grad-CAM map of zeros gives zeros", in -> args(in.gaussian(1, 1, 4, 4), in.manager().zeros(new ai.djl.ndarray.types.Shape(1, 2, 2))),
          Tensor.filled(0, 1, 4, 4), "with L = 0 (the class has no Grad-CAM evidence): nothing survives the gate")
      .random(2017, (in, d) -> args(in.gaussian(d[0], d[1], d[2], d[3]), in.uniform(d[0], d[4], d[5])),
          dims(2, 1, 8, 8, 2, 2), dims(1, 1, 28, 28, 7, 7), dims(3, 1, 12, 12, 4, 4), dims(2, 1, 5, 5, 5, 5))
      .randomWhy(a -> "; map = max_c |R| · up(L), up = bilinear with half-pixel centres")
      .build();

  @TestFactory
  @Order(1)
  @DisplayName("hand-computed: |R| times Grad-CAM upsampled with half-pixel centres; a zero Grad-CAM map gives zeros")
  @Points(0.75)
  Stream<DynamicTest> golden(GuidedGradCamMap student) {
    return SPEC.golden(student);
  }

  @Test
  @Order(2)
  @DisplayName("random signed guided gradients and non-negative Grad-CAM maps match the formula, 2x2 to 8x8 up to 7x7 to 28x28")
  @Points(0.5)
  void randomInputsMatchReference(GuidedGradCamMap student) {
    SPEC.assertMatchesReference(student);
  }

  @Test
  @Order(3)
  @DisplayName("the arguments are left unchanged (no in-place abs or multiply, nothing closed)")
  @Points(0.25)
  void argumentsAreNotModified(GuidedGradCamMap student) {
    SPEC.assertArgumentsUnchanged(student);
  }
}
