package camlab.exercises.graders.gradcam;

import java.util.Random;

import camlab.exercises.graders.ArrayGrader;
import camlab.exercises.graders.Points;
import camlab.exercises.graders.StudentAnswer;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import static camlab.exercises.graders.gradcam.GradCamMapGrader.assertMatchesReference;

/**
 * The hidden tests of exercise 3.2, run only when an instructor grades: a single channel (K = 1), where the map is one scaled
 * channel — an answer that special-cases it (e.g. scaling the caller's activations in place) passes the visible tests, which all
 * have several channels, and fails here.
 */
@ExtendWith(StudentAnswer.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("3.2 Grad-CAM map (hidden)")
public class GradCamMapHiddenGrader extends ArrayGrader {
  @Test
  @Order(5)
  @DisplayName("a single channel (K = 1), down to a single pixel: the map matches the library and the arguments are left unchanged")
  @Points(0.5)
  void singleChannel(GradCamMap student) {
    assertMatchesReference(manager, student, new int[][] {{1, 1, 1, 1}, {3, 1, 4, 4}, {2, 1, 1, 6}}, new Random(2017));
  }
}
