package camlab.exercises.graders.acol;

import java.util.stream.Stream;

import ai.djl.ndarray.NDArray;

import camlab.exercises.graders.ExerciseGrader;
import camlab.exercises.graders.ExerciseSpec;
import camlab.exercises.graders.Inputs;
import camlab.exercises.graders.Points;
import camlab.exercises.graders.Tensor;
import camlab.ops.MapOps;
import camlab.model.AcolHead;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import static camlab.exercises.graders.Args.args;
import static camlab.exercises.graders.ExerciseSpec.dims;

/**
 * Grades exercise 4.1 ({@link ErasingMask}): golden values (at, just below and just above δ; per-map normalisation), constant maps,
 * random maps against {@link AcolHead#keepMask}; every mask must be float32 of the maps' shape, and every call must leave the maps
 * unchanged. Maps whose range is tiny but not 0 are {@code ErasingMaskHiddenGrader}'s.
 */
@DisplayName("4.1 Erasing mask")
public class ErasingMaskGrader extends ExerciseGrader {
  /** Random maps [3,7,9], Gaussian times 5: dims {δ in percent}. */
  static final ExerciseSpec<ErasingMask> SPEC = ExerciseSpec.of(ErasingMask.class)
      .reference(a -> AcolHead.keepMask(a.array(0), (float) a.real(1)))
      .tolerance(1e-6)
      .shapeHint("one mask per map, the maps' shape [B,h,w]")
      .elementNote((a, i) -> " (its normalised value is " + MapOps.minMaxNormalize(a.array(0)).toFloatArray()[i] + ", δ = " + a.get(1) + ")")
      .unchanged("maps")
      .golden("hand-computed: a value exactly at δ is erased (≥ δ)", in -> args(in.array(new float[] {0, 1, 2, 4}, 1, 2, 2), 0.5f),
          Tensor.of(new float[] {1, 1, 0, 0}, 1, 2, 2),
          "with M=[[0,1],[2,4]]: normalised [[0,0.25],[0.5,1]]; 0.5 ≥ δ is erased (0), below δ is kept (1)")
      .golden("hand-computed: values just below δ are kept, at and just above δ erased",
          in -> args(in.array(new float[] {0, 511, 512, 513, 1024, 1024, 513, 512, 511, 0}, 2, 1, 5), 0.5f),
          Tensor.of(new float[] {1, 1, 0, 0, 0, 0, 0, 0, 1, 1}, 2, 1, 5),
          "with map 0 = [[0,511,512,513,1024]] and map 1 the same reversed: normalised [[0, 0.499, 0.5, 0.501, 1]] (exact in float32):"
              + " 0.499 < δ is kept (1), 0.5 and 0.501 ≥ δ are erased (0)")
      .golden("hand-computed: each map is normalised on its own", in -> args(in.array(new float[] {0, 10, 5, 2, 100, 101, 102, 103}, 2, 2, 2), 0.6f),
          // map 0 → [[0,1],[0.5,0.2]]; map 1 → [[0,1/3],[2/3,1]]; δ = 0.6
          Tensor.of(new float[] {1, 0, 1, 1, 1, 1, 0, 0}, 2, 2, 2),
          "with map 0 = [[0,10],[5,2]] and map 1 = [[100,101],[102,103]]: normalised per map to [[0,1],[0.5,0.2]] and [[0,0.33],[0.67,1]]"
              + " — not with the min and max of the whole batch, and not the raw values against δ")
      .golden("constant maps: nothing stands out, so nothing is erased (never NaN)",
          in -> args(in.array(new float[] {2, 2, 2, 2, 0, 0, 0, 0, -3, -3, -3, -3}, 3, 2, 2), 0.6f), Tensor.filled(1, 3, 2, 2),
          "with constant maps 2, 0 and -3: their normalised maps are all zeros (guard max − min = 0), 0 < δ keeps all")
      .random(2018, (in, d) -> args(awayFromDelta(in, d[0] / 100f), d[0] / 100f), dims(10), dims(30), dims(60), dims(75), dims(90))
      .build();

  @TestFactory
  @Order(1)
  @DisplayName("hand-computed: at, below and above δ; each map normalised on its own; constant maps keep everything")
  @Points(1.75)
  Stream<DynamicTest> golden(ErasingMask student) {
    return SPEC.golden(student);
  }

  @Test
  @Order(2)
  @DisplayName("random maps match the library's AcolHead.keepMask for δ from 0.1 to 0.9")
  @Points(0.5)
  void randomMapsMatchReference(ErasingMask student) {
    SPEC.assertMatchesReference(student);
  }

  @Test
  @Order(3)
  @DisplayName("the argument is left unchanged (no in-place operations, nothing closed)")
  @Points(0.25)
  void argumentIsNotModified(ErasingMask student) {
    SPEC.assertArgumentsUnchanged(student);
  }

  /** Random maps [3,7,9] where no value normalises to within float rounding of δ, where a right answer could go either way. */
  private static NDArray awayFromDelta(Inputs in, float delta) {
    float[] maps = in.gaussian(3, 7, 9).mul(5).toFloatArray();
    for (int m = 0; m < 3; m++) {
      float min = Float.POSITIVE_INFINITY;
      float max = Float.NEGATIVE_INFINITY;
      for (int i = m * 63; i < (m + 1) * 63; i++) {
        min = Math.min(min, maps[i]);
        max = Math.max(max, maps[i]);
      }
      for (int i = m * 63; i < (m + 1) * 63; i++) {
        if (Math.abs((maps[i] - min) / (max - min) - delta) < 1e-4) maps[i] = min + (delta - 2e-3f) * (max - min);
      }
    }
    return in.array(maps, 3, 7, 9);
  }
}
