package camlab.exercises.graders.conv1x1;

import java.util.Random;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import camlab.exercises.graders.Arguments;
import camlab.exercises.graders.ArrayGrader;
import camlab.exercises.graders.Inputs;
import camlab.exercises.graders.NDAssert;
import camlab.exercises.graders.StudentAnswer;
import camlab.model.GlobalAveragePooling;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Grades exercise 5.2 ({@link LogitsFromClassMaps}): golden values, random maps against {@link GlobalAveragePooling}; every result must be
 * float32 of shape [B,C], and every call must leave the class maps unchanged. A single image (B = 1) or a single class (C = 1) is
 * {@code LogitsFromClassMapsHiddenGrader}'s.
 */
@ExtendWith(StudentAnswer.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("5.2 Logits from class maps")
public class LogitsFromClassMapsGrader extends ArrayGrader {
  private static final String SHAPE_HINT = "one logit per image and class: average over the spatial axes 2 and 3 (one axis per mean call)";
  private static final double REL_TOL = 1e-5;

  @Test
  @Order(1)
  @DisplayName("hand-computed: two images, two classes on a 2x2 grid")
  void goldenTwoImages(LogitsFromClassMaps student) {
    NDArray maps = manager.create(new float[] {1, 2, 3, 6, -4, 0, 0, 0, 8, 8, 8, 8, 1, -1, 1, -1}, new Shape(2, 2, 2, 2));
    NDAssert.assertValues(new float[] {3, -1, 8, 0}, new Shape(2, 2), logits(student, maps), REL_TOL,
        call(maps) + " with image 0: S_0=[[1,2],[3,6]], S_1=[[-4,0],[0,0]]; image 1: S_0 = 8 everywhere, S_1=[[1,-1],[1,-1]]"
            + " (each logit is the mean of its map: [[3,-1],[8,0]] — logits, no softmax)", SHAPE_HINT);
  }

  @Test
  @Order(2)
  @DisplayName("random class maps match the library's global average pooling, for B=2..5 images and C=4..1000 classes")
  void randomMapsMatchReference(LogitsFromClassMaps student) {
    assertMatchesReference(manager, student, new int[][] {{2, 10, 16, 16}, {3, 4, 5, 7}, {5, 1000, 2, 2}}, new Random(2013));
  }

  @Test
  @Order(3)
  @DisplayName("the argument is left unchanged (no in-place operations, nothing closed)")
  void argumentIsNotModified(LogitsFromClassMaps student) {
    NDArray maps = Inputs.gaussian(manager, new Random(7), new Shape(2, 3, 4, 5));
    logits(student, maps);
  }

  /** Random class maps [B,C,h,w] for each {B, C, h, w} of {@code dims}, the student's logits against the library's pooling. */
  static void assertMatchesReference(NDManager manager, LogitsFromClassMaps student, int[][] dims, Random random) {
    for (int[] d : dims) {
      NDArray maps = Inputs.gaussian(manager, random, new Shape(d[0], d[1], d[2], d[3]));
      NDAssert.assertValues(GlobalAveragePooling.pool(maps).toFloatArray(), new Shape(d[0], d[1]), logits(student, maps),
          REL_TOL, call(maps), SHAPE_HINT);
    }
  }

  /** The student's logits, after checking that the call left the class maps as they were. */
  static NDArray logits(LogitsFromClassMaps student, NDArray maps) {
    Arguments before = Arguments.of("classMaps", maps);
    NDArray logits = student.logitsFromClassMaps(maps);
    before.assertUnchanged(call(maps), Arguments.IN_PLACE_HINT);
    return logits;
  }

  private static String call(NDArray maps) {
    return "logitsFromClassMaps(classMaps " + maps.getShape() + ")";
  }
}
