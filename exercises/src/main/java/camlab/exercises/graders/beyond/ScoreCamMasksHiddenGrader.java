package camlab.exercises.graders.beyond;

import java.util.List;

import camlab.exercises.graders.ExerciseGrader;
import camlab.exercises.graders.Points;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static camlab.exercises.graders.ExerciseSpec.dims;
import static camlab.exercises.graders.beyond.ScoreCamMasksGrader.SPEC;

/**
 * The hidden tests of exercise 8.2, run only when an instructor grades: the course's sizes, 7 × 7 activations on 28 × 28 images
 * (and 4 × 4 on 8 × 8). With an even factor no output pixel samples an input pixel exactly, so the upsampled channel's extremes
 * differ from the channel's own and min–max must come after upsampling; the visible tests use factors 1, 3 and 2 × 2 maps, where
 * the two orders agree.
 */
@DisplayName("8.2 Score-CAM masks (hidden)")
public class ScoreCamMasksHiddenGrader extends ExerciseGrader {
  @Test
  @DisplayName("the course's sizes, 7x7 activations on 28x28 images: min–max is taken after upsampling, over the upsampled channel")
  @Points(0.5)
  void courseSizes(ScoreCamMasks student) {
    SPEC.assertMatchesReference(student, 28, List.of(dims(2, 16, 1, 7, 7, 28, 28), dims(1, 3, 3, 4, 4, 8, 8)));
  }
}
