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
 * Grades exercise 8.2 ({@link ScoreCamMasks}): golden values, the constant-channel guard at and beside its boundary, random inputs
 * against a loop over the formula (upsampling by {@code MapOps.upsampleBilinear}, graded in 2.3); every result must be float32 of
 * shape [B,K,C,H,W], and every call must leave its arguments unchanged. The course's own sizes (7 × 7 activations on 28 × 28
 * images), where min–max before upsampling is not the same as after, are {@code ScoreCamMasksHiddenGrader}'s.
 */
@DisplayName("8.2 Score-CAM masks")
public class ScoreCamMasksGrader extends ExerciseGrader {
  private static final String RULE = "H_k = (up(A_k) − min) / (max − min) over the H × W positions of that channel, then x ⊙ H_k";
  /** Random images [B,C,H,W] and activations [B,K,h,w]: dims {B, K, C, h, w, H, W}. */
  static final ExerciseSpec<ScoreCamMasks> SPEC = ExerciseSpec.of(ScoreCamMasks.class)
      .reference(a -> BeyondReference.scoreCamMasks(a.array(0), a.array(1)))
      .tolerance(1e-5)
      .shapeHint("one masked copy of every image per channel: [B, K, C, H, W] — the mask [B,K,1,H,W] broadcasts over the colour axis")
      .unchanged("images", "activations")
      .golden("hand-computed: a 2x2 channel upsampled to 4x4 and scaled into [0,1], and a dead channel (all 0) that masks to 0",
          in -> args(in.array(filled(6, 16), 1, 1, 4, 4), in.array(new float[] {0, 4, 8, 12, 0, 0, 0, 0}, 1, 2, 2, 2)),
          // up(A_0) = [[0,1,3,4],[2,3,5,6],[6,7,9,10],[8,9,11,12]] (exercise 2.3), min 0, max 12: 6 · up/12 = up/2
          Tensor.of(new float[] {0, 0.5f, 1.5f, 2, 1, 1.5f, 2.5f, 3, 3, 3.5f, 4.5f, 5, 4, 4.5f, 5.5f, 6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
              0, 0, 0, 0}, 1, 2, 1, 4, 4),
          "with x = 6 everywhere (1x4x4), A_0=[[0,4],[8,12]], A_1 = 0: up(A_0) = [[0,1,3,4],[2,3,5,6],[6,7,9,10],[8,9,11,12]], so"
              + " H_0 = up(A_0)/12 and x ⊙ H_0 = up(A_0)/2; A_1 is constant, so H_1 = 0")
      .golden("hand-computed: the mask multiplies every colour channel of the image",
          in -> args(in.array(new float[] {1, 2, 3, 4, -1, 0, 1, 2}, 1, 2, 2, 2), in.array(new float[] {1, 3, 2, 5}, 1, 1, 2, 2)),
          Tensor.of(new float[] {0, 1, 0.75f, 4, 0, 0, 0.25f, 2}, 1, 1, 2, 2, 2),
          "with x = [[[1,2],[3,4]], [[-1,0],[1,2]]] (two colour channels) and A = [[1,3],[2,5]] at the input's size: H = [[0,0.5],"
              + "[0.25,1]], and both colour channels are multiplied by it")
      .random(2020, (in, d) -> args(in.gaussian(d[0], d[2], d[5], d[6]), in.uniform(d[0], d[1], d[3], d[4])),
          dims(2, 3, 1, 3, 3, 9, 9), dims(1, 4, 3, 5, 5, 5, 5), dims(2, 2, 1, 2, 2, 4, 4), dims(3, 8, 1, 4, 4, 12, 12))
      .randomWhy(a -> "; " + RULE)
      .build();

  @TestFactory
  @Order(1)
  @DisplayName("hand-computed: upsampled, scaled into [0,1], multiplied with every colour channel; a dead channel masks to 0")
  @Points(0.75)
  Stream<DynamicTest> golden(ScoreCamMasks student) {
    return SPEC.golden(student);
  }

  @Test
  @Order(2)
  @DisplayName("the guard: a constant channel (0 or not) gives zeros, never NaN; a channel with a tiny range (1e-4) is scaled fully")
  @Points(0.75)
  void constantChannelGuard(ScoreCamMasks student) {
    SPEC.assertCase(student, in -> args(in.array(filled(1, 4), 1, 1, 2, 2), in.array(new float[] {0.5f, 0.5f, 0.5f, 0.5f, -2, -2, -2, -2}, 1, 2, 2, 2)),
        Tensor.filled(0, 1, 2, 1, 2, 2), "with x = 1 and two constant channels, A_0 = 0.5 and A_1 = −2 everywhere (max = min: zeros, not 0/0)");
    SPEC.assertCase(student, in -> args(in.array(filled(1, 4), 1, 1, 2, 2), in.array(new float[] {0, 1e-4f, 5e-5f, 2.5e-5f}, 1, 1, 2, 2)),
        Tensor.of(new float[] {0, 1, 0.5f, 0.25f}, 1, 1, 1, 2, 2),
        "with x = 1 and A = [[0, 1e-4],[5e-5, 2.5e-5]]: the range 1e-4 is small but not 0, so H = [[0,1],[0.5,0.25]] exactly"
            + " (no epsilon added to max − min)");
  }

  @Test
  @Order(3)
  @DisplayName("random inputs match the formula, for B=1..3, K=2..8, colour and grey images, 2x2 to 4x4, 3x3 to 9x9, same size")
  @Points(0.75)
  void randomInputsMatchReference(ScoreCamMasks student) {
    SPEC.assertMatchesReference(student);
  }

  @Test
  @Order(4)
  @DisplayName("the arguments are left unchanged (no in-place operations, nothing closed)")
  @Points(0.25)
  void argumentsAreNotModified(ScoreCamMasks student) {
    SPEC.assertArgumentsUnchanged(student);
  }

  private static float[] filled(float value, int n) {
    float[] out = new float[n];
    java.util.Arrays.fill(out, value);
    return out;
  }
}
