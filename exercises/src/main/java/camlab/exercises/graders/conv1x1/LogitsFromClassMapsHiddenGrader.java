package camlab.exercises.graders.conv1x1;

import java.util.List;

import camlab.exercises.graders.ExerciseGrader;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static camlab.exercises.graders.ExerciseSpec.dims;
import static camlab.exercises.graders.conv1x1.LogitsFromClassMapsGrader.SPEC;

/**
 * The hidden tests of exercise 5.2, run only when an instructor grades: a single image (B = 1) or a single class (C = 1), where the
 * logits [B,C] still have both axes (an answer that pools to 1×1 and drops every axis of length 1, e.g. with squeeze(), passes the
 * visible batches and fails here).
 */
@DisplayName("5.2 Logits from class maps (hidden)")
public class LogitsFromClassMapsHiddenGrader extends ExerciseGrader {
  @Test
  @DisplayName("a single image (B = 1) or a single class (C = 1): the logits keep their shape [B,C] and match the library's pooling")
  void singleImageOrClassKeepsTheShape(LogitsFromClassMaps student) {
    SPEC.assertMatchesReference(student, 2013, List.of(dims(1, 10, 7, 7), dims(4, 1, 3, 3), dims(1, 3, 1, 9), dims(1, 1, 1, 1)));
  }
}
