package camlab.exercises.graders.cam;

import java.util.stream.Stream;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import camlab.exercises.graders.ExerciseGrader;
import camlab.exercises.graders.ExerciseSpec;
import camlab.exercises.graders.Points;
import camlab.exercises.graders.Tensor;
import camlab.explain.Cam;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import static camlab.exercises.graders.Args.args;
import static camlab.exercises.graders.ExerciseSpec.dims;

/**
 * Grades exercise 2.1 ({@link ClassActivationMap}): golden values and edge cases, random inputs against {@link Cam}; every result
 * must be float32 of shape [h,w], and every call must leave its arguments unchanged. Grids one pixel high or wide are
 * {@code ClassActivationMapHiddenGrader}'s.
 */
@DisplayName("2.1 Class activation map")
public class ClassActivationMapGrader extends ExerciseGrader {
  static final ExerciseSpec<ClassActivationMap> SPEC = ExerciseSpec.of(ClassActivationMap.class)
      .reference(a -> Cam.classActivationMaps(a.array(0).expandDims(0), a.array(1).expandDims(0), new int[] {0}).squeeze(0))
      .tolerance(1e-4)
      .shapeHint("weight each channel A_k by w_k, then sum over the channel axis (axis 0)")
      .unchanged("features", "classWeights")
      .golden("hand-computed map: K=2 channels on a 2x2 grid, negative values kept",
          in -> args(in.array(new float[] {1, 2, 3, 4, 0, 1, -1, 2}, 2, 2, 2), in.array(new float[] {0.5f, -2f}, 2)),
          Tensor.of(new float[] {0.5f, -1f, 3.5f, -2f}, 2, 2), "with A_0=[[1,2],[3,4]], A_1=[[0,1],[-1,2]], w=[0.5,-2]")
      .golden("hand-computed map: K=1 channel on a non-square 2x3 grid",
          in -> args(in.array(new float[] {1, 0, -1, 2, 3, -4}, 1, 2, 3), in.array(new float[] {-1.5f}, 1)),
          Tensor.of(new float[] {-1.5f, 0f, 1.5f, -3f, -4.5f, 6f}, 2, 3), "with A_0=[[1,0,-1],[2,3,-4]], w=[-1.5]")
      .golden("edge case: zero weights give a zero map",
          in -> args(constantChannels(in.manager(), 2, -1, 5), in.manager().zeros(new Shape(3))),
          Tensor.filled(0, 2, 4), "with all weights 0")
      .golden("edge case: constant channels give a constant map",
          in -> args(constantChannels(in.manager(), 2, -1, 5), in.array(new float[] {1, 3, 0.5f}, 3)),
          Tensor.filled(2 * 1 + (-1) * 3 + 5 * 0.5f, 2, 4), "with constant channels A_k = [2, -1, 5] and w = [1, 3, 0.5]")
      .random(2016, (in, d) -> args(in.gaussian(d[0], d[1], d[2]), in.gaussian(d[0])),
          dims(3, 4, 5), dims(8, 7, 7), dims(64, 7, 7), dims(5, 14, 10))
      .build();

  @TestFactory
  @Order(1)
  @DisplayName("hand-computed maps (K=2 on 2x2, K=1 on 2x3) and edge cases (zero weights, constant channels)")
  @Points(1.5)
  Stream<DynamicTest> golden(ClassActivationMap student) {
    return SPEC.golden(student);
  }

  @Test
  @Order(2)
  @DisplayName("random inputs match the library's Cam for K=3..64 and square and non-square grids")
  @Points(0.5)
  void randomInputsMatchReference(ClassActivationMap student) {
    SPEC.assertMatchesReference(student);
  }

  @Test
  @Order(3)
  @DisplayName("arguments are left unchanged (no in-place operations, nothing closed)")
  @Points(0.5)
  void argumentsAreNotModified(ClassActivationMap student) {
    SPEC.assertArgumentsUnchanged(student);
  }

  /** Features [3,2,4] whose channel k is {@code values[k]} everywhere. */
  private static NDArray constantChannels(NDManager manager, float... values) {
    return manager.ones(new Shape(values.length, 2, 4)).mul(manager.create(values).reshape(values.length, 1, 1));
  }
}
