package camlab.exercises.graders.acol;

import java.util.stream.Stream;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

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
 * Grades exercise 4.2 ({@link EraseFeatures}): golden values, random masks against ACoL's erasing (A ⊙ mask broadcast over channels),
 * edge cases; every result must be float32 of the features' shape, and every call must leave its arguments unchanged. A batch of
 * one image is {@code EraseFeaturesHiddenGrader}'s.
 */
@DisplayName("4.2 Erasing the features")
public class EraseFeaturesGrader extends ExerciseGrader {
  private static final float[] ONE_TO_24 = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24};
  /** Random features [B,K,h,w] and 0/1 masks [B,h,w]: dims {B, K, h, w}. */
  static final ExerciseSpec<EraseFeatures> SPEC = ExerciseSpec.of(EraseFeatures.class)
      .reference(a -> a.array(0).mul(a.array(1).expandDims(1)))
      .tolerance(1e-6)
      .shapeHint("the features' shape [B,K,h,w]: give the mask a channel axis of size 1 (expandDims(1)) so it broadcasts over the K"
          + " channels")
      .unchanged("features", "keepMask")
      .golden("hand-computed: two images, two channels, each image with its own mask",
          in -> args(in.array(new float[] {1, 2, 3, 4, 5, 6, 7, 8}, 2, 2, 1, 2), in.array(new float[] {1, 0, 0, 1}, 2, 1, 2)),
          Tensor.of(new float[] {1, 0, 3, 0, 0, 6, 0, 8}, 2, 2, 1, 2),
          "with image 0: A_0=[[1,2]], A_1=[[3,4]], mask [[1,0]]; image 1: A_0=[[5,6]], A_1=[[7,8]], mask [[0,1]] (image b's mask erases the"
              + " same positions in all of image b's channels)")
      .golden("edge case: a mask of ones keeps the features",
          in -> args(in.array(ONE_TO_24, 2, 3, 2, 2), in.manager().ones(new Shape(2, 2, 2))), Tensor.of(ONE_TO_24, 2, 3, 2, 2),
          "with features 1..24 and a mask of ones (nothing erased)")
      .golden("edge case: a mask of zeros erases everything",
          in -> args(in.array(ONE_TO_24, 2, 3, 2, 2), in.manager().zeros(new Shape(2, 2, 2))), Tensor.filled(0, 2, 3, 2, 2),
          "with features 1..24 and a mask of zeros (everything erased)")
      .random(2018, (in, d) -> args(in.gaussian(d[0], d[1], d[2], d[3]), mask(in, d[0], d[2], d[3])),
          dims(3, 4, 5, 5), dims(5, 2, 4, 3), dims(2, 32, 16, 16), dims(4, 7, 1, 6))
      .build();

  @TestFactory
  @Order(1)
  @DisplayName("hand-computed: two images with their own masks; masks of ones and of zeros")
  @Points(0.75)
  Stream<DynamicTest> golden(EraseFeatures student) {
    return SPEC.golden(student);
  }

  @Test
  @Order(2)
  @DisplayName("random features and masks match A ⊙ mask for B=2..5, K=2..32")
  @Points(0.5)
  void randomInputsMatchReference(EraseFeatures student) {
    SPEC.assertMatchesReference(student);
  }

  @Test
  @Order(3)
  @DisplayName("the arguments are left unchanged (no in-place operations, nothing closed)")
  @Points(0.25)
  void argumentsAreNotModified(EraseFeatures student) {
    SPEC.assertArgumentsUnchanged(student);
  }

  /** A random 0/1 keep mask [b,h,w], about 60 % ones. */
  private static NDArray mask(Inputs in, int b, int h, int w) {
    return in.uniform(b, h, w).gt(0.4f).toType(DataType.FLOAT32, false);
  }
}
