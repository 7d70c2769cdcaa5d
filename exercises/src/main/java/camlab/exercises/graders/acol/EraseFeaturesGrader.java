package camlab.exercises.graders.acol;

import java.util.Random;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

import camlab.exercises.graders.Arguments;
import camlab.exercises.graders.ArrayGrader;
import camlab.exercises.graders.Inputs;
import camlab.exercises.graders.NDAssert;
import camlab.exercises.graders.Points;
import camlab.exercises.graders.StudentAnswer;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Grades exercise 4.2 ({@link EraseFeatures}): golden values, random masks against ACoL's erasing (A ⊙ mask broadcast over channels),
 * edge cases; every result must be float32 of the features' shape, and every call must leave its arguments unchanged. A batch of
 * one image is {@code EraseFeaturesHiddenGrader}'s.
 */
@ExtendWith(StudentAnswer.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("4.2 Erasing the features")
public class EraseFeaturesGrader extends ArrayGrader {
  private static final String SHAPE_HINT = "the features' shape [B,K,h,w]: give the mask a channel axis of size 1 (expandDims(1)) so it"
      + " broadcasts over the K channels";
  private static final double REL_TOL = 1e-6;

  @Test
  @Order(1)
  @DisplayName("hand-computed: two images, two channels, each image with its own mask")
  @Points(0.5)
  void goldenTwoImages(EraseFeatures student) {
    NDArray features = manager.create(new float[] {1, 2, 3, 4, 5, 6, 7, 8}, new Shape(2, 2, 1, 2));
    NDArray mask = manager.create(new float[] {1, 0, 0, 1}, new Shape(2, 1, 2));
    NDAssert.assertValues(new float[] {1, 0, 3, 0, 0, 6, 0, 8}, new Shape(2, 2, 1, 2), erase(student, features, mask), REL_TOL,
        call(features, mask) + " with image 0: A_0=[[1,2]], A_1=[[3,4]], mask [[1,0]]; image 1: A_0=[[5,6]], A_1=[[7,8]], mask [[0,1]]"
            + " (image b's mask erases the same positions in all of image b's channels)", SHAPE_HINT);
  }

  @Test
  @Order(2)
  @DisplayName("random features and masks match A ⊙ mask for B=2..5, K=2..32")
  @Points(0.5)
  void randomInputsMatchReference(EraseFeatures student) {
    assertMatchesReference(manager, student, new int[][] {{3, 4, 5, 5}, {5, 2, 4, 3}, {2, 32, 16, 16}, {4, 7, 1, 6}}, new Random(2018));
  }

  @Test
  @Order(3)
  @DisplayName("edge cases: a mask of ones keeps the features, a mask of zeros erases everything")
  @Points(0.25)
  void edgeCases(EraseFeatures student) {
    NDArray features = Inputs.gaussian(manager, new Random(3), new Shape(2, 3, 2, 2));
    NDArray ones = manager.ones(new Shape(2, 2, 2));
    NDAssert.assertValues(features.toFloatArray(), new Shape(2, 3, 2, 2), erase(student, features, ones), REL_TOL,
        call(features, ones) + " with a mask of ones (nothing erased)", SHAPE_HINT);
    NDArray zeros = manager.zeros(new Shape(2, 2, 2));
    NDAssert.assertValues(new float[24], new Shape(2, 3, 2, 2), erase(student, features, zeros), REL_TOL,
        call(features, zeros) + " with a mask of zeros (everything erased)", SHAPE_HINT);
  }

  @Test
  @Order(4)
  @DisplayName("the arguments are left unchanged (no in-place operations, nothing closed)")
  @Points(0.25)
  void argumentsAreNotModified(EraseFeatures student) {
    Random random = new Random(7);
    NDArray features = Inputs.gaussian(manager, random, new Shape(2, 4, 3, 5));
    NDArray mask = Inputs.uniform(manager, random, new Shape(2, 3, 5)).gt(0.5f).toType(DataType.FLOAT32, false);
    erase(student, features, mask);
  }

  /** Random features [B,K,h,w] and 0/1 masks [B,h,w] for each {B, K, h, w} of {@code dims}, the student's result against A ⊙ mask. */
  static void assertMatchesReference(NDManager manager, EraseFeatures student, int[][] dims, Random random) {
    for (int[] d : dims) {
      NDArray features = Inputs.gaussian(manager, random, new Shape(d[0], d[1], d[2], d[3]));
      NDArray mask = Inputs.uniform(manager, random, new Shape(d[0], d[2], d[3])).gt(0.4f).toType(DataType.FLOAT32, false);
      float[] expected = features.mul(mask.expandDims(1)).toFloatArray();
      NDAssert.assertValues(expected, new Shape(d[0], d[1], d[2], d[3]), erase(student, features, mask), REL_TOL,
          call(features, mask), SHAPE_HINT);
    }
  }

  /** The student's erased features, after checking that the call left both arguments as they were. */
  static NDArray erase(EraseFeatures student, NDArray features, NDArray mask) {
    Arguments before = Arguments.of("features", features).and("keepMask", mask);
    NDArray erased = student.eraseFeatures(features, mask);
    before.assertUnchanged(call(features, mask), Arguments.IN_PLACE_HINT);
    return erased;
  }

  private static String call(NDArray features, NDArray mask) {
    return "eraseFeatures(features " + features.getShape() + ", keepMask " + mask.getShape() + ")";
  }
}
