package camlab.exercises.graders.cam;

import java.util.stream.Stream;

import ai.djl.ndarray.types.Shape;

import camlab.exercises.graders.ExerciseGrader;
import camlab.exercises.graders.ExerciseSpec;
import camlab.exercises.graders.Points;
import camlab.exercises.graders.Tensor;
import camlab.ops.MapOps;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import static camlab.exercises.graders.Args.args;
import static camlab.exercises.graders.ExerciseSpec.dims;

/**
 * Grades exercise 2.3 ({@link BilinearUpsample}): golden values, random maps against {@link MapOps#upsampleBilinear}, edge cases; every
 * result must be float32 of shape [height,width], and every call must leave the map unchanged. Maps whose height and width grow
 * by different factors are {@code BilinearUpsampleHiddenGrader}'s.
 */
@DisplayName("2.3 Bilinear upsampling")
public class BilinearUpsampleGrader extends ExerciseGrader {
  private static final String RULE = "half-pixel centres: y_src = (y + 0.5)·h/height − 0.5, clamped to [0, h−1]; the same for x";
  /** Random maps [h,w] to [height,width]: dims {h, w, height, width}. */
  static final ExerciseSpec<BilinearUpsample> SPEC = ExerciseSpec.of(BilinearUpsample.class)
      .reference(a -> MapOps.upsampleBilinear(a.array(0).expandDims(0), a.get(1), a.get(2)).squeeze(0))
      .tolerance(1e-5)
      .shapeHint("the result is [height, width]: height rows, width columns")
      .unchanged("map")
      .golden("hand-computed: [[0,4],[8,12]] from 2x2 to 4x4", in -> args(in.array(new float[] {0, 4, 8, 12}, 2, 2), 4, 4),
          // Each axis samples the input at -0.25 (clamped to 0), 0.25, 0.75, 1.25 (clamped to 1).
          Tensor.of(new float[] {0, 1, 3, 4, 2, 3, 5, 6, 6, 7, 9, 10, 8, 9, 11, 12}, 4, 4),
          "with M=[[0,4],[8,12]]; " + RULE + ", so the 4 output rows/columns sample positions -0.25→0, 0.25, 0.75, 1.25→1")
      .golden("hand-computed: one row [[0,8]] to 2x4 (height and width differ)", in -> args(in.array(new float[] {0, 8}, 1, 2), 2, 4),
          Tensor.of(new float[] {0, 2, 6, 8, 0, 2, 6, 8}, 2, 4),
          "with M=[[0,8]] (one input row: every output row is the same; columns sample -0.25→0, 0.25, 0.75, 1.25→1)")
      .golden("edge case: a 1x1 map becomes a constant map", in -> args(in.array(new float[] {-1.5f}, 1, 1), 3, 4),
          Tensor.filled(-1.5f, 3, 4), "with M=[[-1.5]] (every sample position clamps to the only pixel)")
      .random(2017, (in, d) -> args(in.gaussian(d[0], d[1]), d[2], d[3]),
          // height and width grow by the same factor here: 4, 9.14, 2, 3 and 1 (the same size)
          dims(16, 16, 64, 64), dims(7, 7, 64, 64), dims(3, 5, 6, 10), dims(4, 2, 12, 6), dims(5, 5, 5, 5))
      .randomWhy(a -> (a.array(0).getShape().equals(new Shape(a.integer(1), a.integer(2)))
          ? " (same size: must return the map unchanged)" : "") + "; " + RULE)
      .build();

  @TestFactory
  @Order(1)
  @DisplayName("hand-computed: 2x2 to 4x4, one row to 2x4, and a 1x1 map")
  @Points(1.5)
  Stream<DynamicTest> golden(BilinearUpsample student) {
    return SPEC.golden(student);
  }

  @Test
  @Order(2)
  @DisplayName("random maps match the library's MapOps.upsampleBilinear (PyTorch's interpolate, align_corners=false)")
  @Points(0.5)
  void randomMapsMatchReference(BilinearUpsample student) {
    SPEC.assertMatchesReference(student);
  }

  @Test
  @Order(3)
  @DisplayName("the argument is left unchanged (no in-place operations, nothing closed)")
  @Points(0.5)
  void argumentIsNotModified(BilinearUpsample student) {
    SPEC.assertArgumentsUnchanged(student);
  }
}
