package camlab.exercises.graders.gradcam;

import java.util.List;

import camlab.exercises.graders.ExerciseGrader;
import camlab.exercises.graders.Points;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static camlab.exercises.graders.ExerciseSpec.dims;
import static camlab.exercises.graders.gradcam.GradCamMapGrader.SPEC;

/**
 * The hidden tests of exercise 3.2, run only when an instructor grades: a single channel (K = 1), where the map is one scaled
 * channel — an answer that special-cases it (e.g. scaling the caller's activations in place) passes the visible tests, which all
 * have several channels, and fails here.
 */
@DisplayName("3.2 Grad-CAM map (hidden)")
public class GradCamMapHiddenGrader extends ExerciseGrader {
  @Test
  @DisplayName("a single channel (K = 1), down to a single pixel: the map matches the library and the arguments are left unchanged")
  @Points(0.5)
  void singleChannel(GradCamMap student) {
    SPEC.assertMatchesReference(student, 2017, List.of(dims(1, 1, 1, 1), dims(3, 1, 4, 4), dims(2, 1, 1, 6)));
  }
}
