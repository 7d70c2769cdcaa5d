package camlab.exercises.graders.beyond;

import java.util.List;

import camlab.exercises.graders.ExerciseGrader;
import camlab.exercises.graders.Points;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static camlab.exercises.graders.ExerciseSpec.dims;
import static camlab.exercises.graders.beyond.GuidedGradCamMapGrader.SPEC;

/**
 * The hidden tests of exercise 8.4, run only when an instructor grades: colour images (three channels), where the guided gradient's
 * channels are reduced by max |·|. On the visible tests' grey images the sum, the mean or the first channel of |R| all equal
 * max |R|.
 */
@DisplayName("8.4 Guided Grad-CAM (hidden)")
public class GuidedGradCamMapHiddenGrader extends ExerciseGrader {
  @Test
  @DisplayName("colour images: the guided gradient's three channels are reduced by their largest magnitude")
  @Points(0.5)
  void colourImages(GuidedGradCamMap student) {
    SPEC.assertMatchesReference(student, 3, List.of(dims(2, 3, 8, 8, 4, 4), dims(1, 3, 28, 28, 7, 7)));
  }
}
