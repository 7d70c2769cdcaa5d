package camlab.exercises.graders.acol;

import java.util.List;

import camlab.exercises.graders.ExerciseGrader;
import camlab.exercises.graders.Points;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static camlab.exercises.graders.ExerciseSpec.dims;
import static camlab.exercises.graders.acol.EraseFeaturesGrader.SPEC;

/**
 * The hidden tests of exercise 4.2, run only when an instructor grades: a batch of one image (every visible batch has several),
 * where an answer that special-cases B = 1 — e.g. erasing the caller's features in place — fails.
 */
@DisplayName("4.2 Erasing the features (hidden)")
public class EraseFeaturesHiddenGrader extends ExerciseGrader {
  @Test
  @DisplayName("a batch of one image: the result matches A ⊙ mask and the arguments are left unchanged")
  @Points(0.5)
  void batchOfOne(EraseFeatures student) {
    SPEC.assertMatchesReference(student, 2018, List.of(dims(1, 1, 2, 2), dims(1, 6, 5, 5), dims(1, 32, 7, 7)));
  }
}
