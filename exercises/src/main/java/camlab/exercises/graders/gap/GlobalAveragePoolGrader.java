package camlab.exercises.graders.gap;

import java.util.stream.Stream;

import ai.djl.ndarray.types.Shape;

import camlab.exercises.graders.ExerciseGrader;
import camlab.exercises.graders.ExerciseSpec;
import camlab.exercises.graders.Points;
import camlab.exercises.graders.Tensor;
import camlab.model.GlobalAveragePooling;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import static camlab.exercises.graders.Args.args;
import static camlab.exercises.graders.ExerciseSpec.dims;

/**
 * Grades exercise 1.1 ({@link GlobalAveragePool}): golden values, random inputs against {@link GlobalAveragePooling}, edge cases;
 * every result must be float32 of shape [K], and every call must leave its argument unchanged. Large grids are
 * {@code GlobalAveragePoolHiddenGrader}'s.
 */
@DisplayName("1.1 Global average pooling")
public class GlobalAveragePoolGrader extends ExerciseGrader {
  static final ExerciseSpec<GlobalAveragePool> SPEC = ExerciseSpec.of(GlobalAveragePool.class)
      .reference(a -> GlobalAveragePooling.pool(a.array(0).expandDims(0)).squeeze(0))
      .tolerance(1e-5)
      .shapeHint("average over both spatial axes (1 and 2) and keep the channel axis")
      .unchanged("features")
      .golden("hand-computed: K=2 channels on a 2x2 grid", in -> args(in.array(new float[] {1, 2, 3, 4, 0, -1, -2, 7}, 2, 2, 2)),
          Tensor.of(new float[] {2.5f, 1f}, 2), "with A_0=[[1,2],[3,4]], A_1=[[0,-1],[-2,7]] (the mean of each channel's 4 values)")
      .golden("hand-computed: K=1 channel on a non-square 2x3 grid", in -> args(in.array(new float[] {1, 2, 3, 4, 5, 9}, 1, 2, 3)),
          Tensor.of(new float[] {4f}, 1), "with A_0=[[1,2,3],[4,5,9]] (sum 24 over h·w = 6 positions)")
      .golden("edge case: a 1x1 grid is returned as is", in -> args(in.array(new float[] {3, -1, 0.5f}, 3, 1, 1)),
          Tensor.of(new float[] {3, -1, 0.5f}, 3), "on a 1x1 grid (each channel has one value, its mean is that value)")
      .golden("edge case: constant channels give their constant",
          in -> args(in.manager().ones(new Shape(2, 4, 6)).mul(in.array(new float[] {-2, 5}, 2, 1, 1))),
          Tensor.of(new float[] {-2, 5}, 2), "with constant channels A_0 = -2, A_1 = 5")
      .random(2014, (in, d) -> args(in.gaussian(d[0], d[1], d[2])),
          dims(3, 4, 5), dims(1, 1, 1), dims(8, 7, 7), dims(128, 16, 16), dims(5, 14, 10), dims(2, 1, 9))
      .build();

  @TestFactory
  @Order(1)
  @DisplayName("hand-computed (K=2 on 2x2, K=1 on 2x3) and edge cases (a 1x1 grid, constant channels)")
  @Points(0.75)
  Stream<DynamicTest> golden(GlobalAveragePool student) {
    return SPEC.golden(student);
  }

  @Test
  @Order(2)
  @DisplayName("random inputs match the library's GlobalAveragePooling for K=1..128 and square and non-square grids")
  @Points(0.5)
  void randomInputsMatchReference(GlobalAveragePool student) {
    SPEC.assertMatchesReference(student);
  }

  @Test
  @Order(3)
  @DisplayName("the argument is left unchanged (no in-place operations, nothing closed)")
  @Points(0.25)
  void argumentIsNotModified(GlobalAveragePool student) {
    SPEC.assertArgumentsUnchanged(student);
  }
}
