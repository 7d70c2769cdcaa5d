package camlab.exercises.graders.acol;

import java.util.stream.Stream;

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
 * Grades exercise 4.3 ({@link FuseMaps}): golden values, constant maps, random maps against the library's fusion (as in
 * {@code AcolMaps}); every result must be float32 of the maps' shape, and every call must leave its arguments unchanged. Maps whose
 * range is tiny but not 0 are {@code FuseMapsHiddenGrader}'s.
 */
@DisplayName("4.3 Fusing the two maps")
public class FuseMapsGrader extends ExerciseGrader {
  private static final float[] FLAT = {4, 4, 4, 4};
  /** Random maps A (Gaussian × 3) and B (Gaussian + 2): dims {B, h, w}. */
  static final ExerciseSpec<FuseMaps> SPEC = ExerciseSpec.of(FuseMaps.class)
      .reference(a -> MapOps.minMaxNormalize(a.array(0)).maximum(MapOps.minMaxNormalize(a.array(1))))
      .tolerance(1e-5)
      .shapeHint("the maps' shape [B,h,w]")
      .unchanged("mapsA", "mapsB")
      .golden("hand-computed: normalise each map first, then take the larger value at each position",
          in -> args(in.array(new float[] {0, 2, 4, 8}, 1, 2, 2), in.array(new float[] {5, 1, 3, 1}, 1, 2, 2)),
          // minmax(A) = [[0,0.25],[0.5,1]], minmax(B) = [[1,0],[0.5,0]] → max [[1,0.25],[0.5,1]]
          Tensor.of(new float[] {1, 0.25f, 0.5f, 1}, 1, 2, 2),
          "with M_A=[[0,2],[4,8]] → [[0,0.25],[0.5,1]] and M_B=[[5,1],[3,1]] → [[1,0],[0.5,0]] after min-max (normalise first: the raw"
              + " scales of the two branches are not comparable)")
      .golden("hand-computed: every map of the batch is normalised on its own",
          in -> args(in.array(new float[] {0, 1, 10, 30}, 2, 1, 2), in.array(new float[] {4, 2, 0, -1}, 2, 1, 2)),
          // A: [[0,1]], [[0,1]]; B: [[1,0]], [[1,0]] → [[1,1]], [[1,1]]
          Tensor.of(new float[] {1, 1, 1, 1}, 2, 1, 2),
          "with image 0: M_A=[[0,1]], M_B=[[4,2]]; image 1: M_A=[[10,30]], M_B=[[0,-1]] — each map's own min and max")
      .golden("constant maps count as zeros: a constant B leaves minmax(A)",
          in -> args(in.array(new float[] {1, 3, 2, 5}, 1, 2, 2), in.array(FLAT, 1, 2, 2)), Tensor.of(new float[] {0, 0.5f, 0.25f, 1}, 1, 2, 2),
          "with M_A=[[1,3],[2,5]] and a constant M_B=4 (normalised to zeros)")
      .golden("constant maps count as zeros: two constant maps give zeros, never NaN",
          in -> args(in.array(FLAT, 1, 2, 2), in.array(new float[] {-4, -4, -4, -4}, 1, 2, 2)), Tensor.filled(0, 1, 2, 2),
          "with two constant maps, 4 and -4")
      .random(2018, (in, d) -> args(in.gaussian(d[0], d[1], d[2]).mul(3), in.gaussian(d[0], d[1], d[2]).add(2)),
          dims(3, 7, 7), dims(1, 1, 3), dims(2, 16, 16), dims(4, 5, 9))
      .build();

  @TestFactory
  @Order(1)
  @DisplayName("hand-computed: normalise each map first, each map of the batch on its own; constant maps count as zeros")
  @Points(0.75)
  Stream<DynamicTest> golden(FuseMaps student) {
    return SPEC.golden(student);
  }

  @Test
  @Order(2)
  @DisplayName("random maps match max(minmax(A), minmax(B)) computed by the library")
  @Points(0.5)
  void randomMapsMatchReference(FuseMaps student) {
    SPEC.assertMatchesReference(student);
  }

  @Test
  @Order(3)
  @DisplayName("the arguments are left unchanged (no in-place operations, nothing closed)")
  @Points(0.25)
  void argumentsAreNotModified(FuseMaps student) {
    SPEC.assertArgumentsUnchanged(student);
  }
}
