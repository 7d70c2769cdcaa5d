package camlab.exercises.graders.acol;

import java.util.Random;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

import camlab.exercises.graders.Arguments;
import camlab.exercises.graders.ArrayGrader;
import camlab.exercises.graders.Inputs;
import camlab.exercises.graders.NDAssert;
import camlab.exercises.graders.Points;
import camlab.exercises.graders.StudentAnswer;
import camlab.model.AcolHead;
import camlab.ops.MapOps;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opentest4j.AssertionFailedError;

/**
 * Grades exercise 4.1 ({@link ErasingMask}): golden values (at, just below and just above δ; per-map normalisation), constant maps,
 * random maps against {@link AcolHead#keepMask}; every mask must be float32 of the maps' shape, and every call must leave the maps
 * unchanged. Maps whose range is tiny but not 0 are {@code ErasingMaskHiddenGrader}'s.
 */
@ExtendWith(StudentAnswer.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("4.1 Erasing mask")
public class ErasingMaskGrader extends ArrayGrader {
  static final String SHAPE_HINT = "one mask per map, the maps' shape [B,h,w]";
  static final double REL_TOL = 1e-6;

  @Test
  @Order(1)
  @DisplayName("hand-computed: a value exactly at δ is erased (≥ δ)")
  @Points(0.5)
  void goldenTieIsErased(ErasingMask student) {
    NDArray maps = manager.create(new float[] {0, 1, 2, 4}, new Shape(1, 2, 2));
    NDAssert.assertValues(new float[] {1, 1, 0, 0}, new Shape(1, 2, 2), mask(student, maps, 0.5f), REL_TOL,
        call(maps, 0.5f) + " with M=[[0,1],[2,4]]: normalised [[0,0.25],[0.5,1]]; 0.5 ≥ δ is erased (0), below δ is kept (1)", SHAPE_HINT);
  }

  @Test
  @Order(2)
  @DisplayName("hand-computed: values just below δ are kept, at and just above δ erased")
  @Points(0.5)
  void goldenAroundDelta(ErasingMask student) {
    NDArray maps = manager.create(new float[] {0, 511, 512, 513, 1024, 1024, 513, 512, 511, 0}, new Shape(2, 1, 5));
    NDAssert.assertValues(new float[] {1, 1, 0, 0, 0, 0, 0, 0, 1, 1}, new Shape(2, 1, 5), mask(student, maps, 0.5f), REL_TOL,
        call(maps, 0.5f) + " with map 0 = [[0,511,512,513,1024]] and map 1 the same reversed: normalised [[0, 0.499, 0.5, 0.501, 1]]"
            + " (exact in float32): 0.499 < δ is kept (1), 0.5 and 0.501 ≥ δ are erased (0)", SHAPE_HINT);
  }

  @Test
  @Order(3)
  @DisplayName("hand-computed: each map is normalised on its own")
  @Points(0.5)
  void goldenPerMapNormalisation(ErasingMask student) {
    NDArray maps = manager.create(new float[] {0, 10, 5, 2, 100, 101, 102, 103}, new Shape(2, 2, 2));
    // map 0 → [[0,1],[0.5,0.2]]; map 1 → [[0,1/3],[2/3,1]]; δ = 0.6
    NDAssert.assertValues(new float[] {1, 0, 1, 1, 1, 1, 0, 0}, new Shape(2, 2, 2), mask(student, maps, 0.6f), REL_TOL,
        call(maps, 0.6f) + " with map 0 = [[0,10],[5,2]] and map 1 = [[100,101],[102,103]]: normalised per map to [[0,1],[0.5,0.2]]"
            + " and [[0,0.33],[0.67,1]] — not with the min and max of the whole batch, and not the raw values against δ", SHAPE_HINT);
  }

  @Test
  @Order(4)
  @DisplayName("constant maps: nothing stands out, so nothing is erased (never NaN)")
  @Points(0.25)
  void constantMapsKeepEverything(ErasingMask student) {
    NDArray maps = manager.create(new float[] {2, 2, 2, 2, 0, 0, 0, 0, -3, -3, -3, -3}, new Shape(3, 2, 2));
    NDAssert.assertValues(Inputs.filled(12, 1f), new Shape(3, 2, 2), mask(student, maps, 0.6f), REL_TOL,
        call(maps, 0.6f) + " with constant maps 2, 0 and -3: their normalised maps are all zeros (guard max − min = 0), 0 < δ keeps all",
        SHAPE_HINT);
  }

  @Test
  @Order(6)
  @DisplayName("random maps match the library's AcolHead.keepMask for δ from 0.1 to 0.9")
  @Points(0.5)
  void randomMapsMatchReference(ErasingMask student) {
    Random random = new Random(2018);
    for (float delta : new float[] {0.1f, 0.3f, 0.6f, 0.75f, 0.9f}) {
      NDArray maps = Inputs.gaussian(manager, random, new Shape(3, 7, 9)).mul(5);
      float[] expected = AcolHead.keepMask(maps, delta).toFloatArray();
      float[] normalised = MapOps.minMaxNormalize(maps).toFloatArray();
      NDArray got = mask(student, maps, delta);
      NDAssert.assertShapeAndType(new Shape(3, 7, 9), got, call(maps, delta), SHAPE_HINT);
      float[] g = got.toFloatArray();
      for (int i = 0; i < g.length; i++) {
        if (Math.abs(normalised[i] - delta) < 1e-5) continue; // a float-rounding tie: either answer is fine
        if (g[i] != expected[i]) {
          throw new AssertionFailedError(call(maps, delta) + ": element [" + i / 63 + "][" + (i % 63) / 9 + "][" + i % 9 + "] should be "
              + expected[i] + " but is " + g[i] + " (its normalised value is " + normalised[i] + ", δ = " + delta + ")");
        }
      }
    }
  }

  @Test
  @Order(7)
  @DisplayName("the argument is left unchanged (no in-place operations, nothing closed)")
  @Points(0.25)
  void argumentIsNotModified(ErasingMask student) {
    NDArray maps = Inputs.gaussian(manager, new Random(7), new Shape(2, 4, 5));
    mask(student, maps, 0.6f);
  }

  /** The student's mask, after checking that the call left the maps as they were. */
  static NDArray mask(ErasingMask student, NDArray maps, float delta) {
    Arguments before = Arguments.of("maps", maps);
    NDArray mask = student.erasingMask(maps, delta);
    before.assertUnchanged(call(maps, delta), Arguments.IN_PLACE_HINT);
    return mask;
  }

  static String call(NDArray maps, float delta) {
    return "erasingMask(maps " + maps.getShape() + ", delta " + delta + ")";
  }
}
