package camlab.exercises.graders.conv1x1;

import java.util.stream.Stream;

import camlab.exercises.graders.ExerciseGrader;
import camlab.exercises.graders.ExerciseSpec;
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
 * Grades exercise 5.2 ({@link LogitsFromClassMaps}): golden values, random maps against {@link GlobalAveragePooling}; every result must be
 * float32 of shape [B,C], and every call must leave the class maps unchanged. A single image (B = 1) or a single class (C = 1) is
 * {@code LogitsFromClassMapsHiddenGrader}'s.
 */
@DisplayName("5.2 Logits from class maps")
public class LogitsFromClassMapsGrader extends ExerciseGrader {
  /** Random class maps: dims {B, C, h, w}. */
  static final ExerciseSpec<LogitsFromClassMaps> SPEC = ExerciseSpec.of(LogitsFromClassMaps.class)
      .reference(a -> GlobalAveragePooling.pool(a.array(0)))
      .tolerance(1e-5)
      .shapeHint("one logit per image and class: average over the spatial axes 2 and 3 (one axis per mean call)")
      .unchanged("classMaps")
      .golden("hand-computed: two images, two classes on a 2x2 grid",
          in -> args(in.array(new float[] {1, 2, 3, 6, -4, 0, 0, 0, 8, 8, 8, 8, 1, -1, 1, -1}, 2, 2, 2, 2)), Tensor.of(new float[] {3, -1, 8, 0}, 2, 2),
          "with image 0: S_0=[[1,2],[3,6]], S_1=[[-4,0],[0,0]]; image 1: S_0 = 8 everywhere, S_1=[[1,-1],[1,-1]] (each logit is the mean"
              + " of its map: [[3,-1],[8,0]] — logits, no softmax)")
      .random(2013, (in, d) -> args(in.gaussian(d[0], d[1], d[2], d[3])), dims(2, 10, 16, 16), dims(3, 4, 5, 7), dims(5, 1000, 2, 2))
      .build();

  @TestFactory
  @Order(1)
  @DisplayName("hand-computed: two images, two classes on a 2x2 grid")
  Stream<DynamicTest> golden(LogitsFromClassMaps student) {
    return SPEC.golden(student);
  }

  @Test
  @Order(2)
  @DisplayName("random class maps match the library's global average pooling, for B=2..5 images and C=4..1000 classes")
  void randomMapsMatchReference(LogitsFromClassMaps student) {
    SPEC.assertMatchesReference(student);
  }

  @Test
  @Order(3)
  @DisplayName("the argument is left unchanged (no in-place operations, nothing closed)")
  void argumentIsNotModified(LogitsFromClassMaps student) {
    SPEC.assertArgumentsUnchanged(student);
  }
}
