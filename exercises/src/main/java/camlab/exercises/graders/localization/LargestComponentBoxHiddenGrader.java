package camlab.exercises.graders.localization;

import camlab.exercises.graders.Args;
import camlab.exercises.graders.ExerciseGrader;
import camlab.exercises.graders.Points;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static camlab.exercises.graders.Args.args;
import static camlab.exercises.graders.localization.LargestComponentBoxGrader.SPEC;
import static camlab.exercises.graders.localization.LargestComponentBoxGrader.components;

/**
 * The hidden tests of exercise 6.2, run only when an instructor grades: a 512×512 map with one component of about 125 000 pixels
 * (the visible maps are at most 64×64), which a flood fill that calls itself once per pixel cannot reach the end of, and a
 * 768×768 map that is one component from edge to edge, whose pixels waiting to be visited outgrow any fixed-size stack or queue
 * of 2<sup>16</sup> entries.
 */
@DisplayName("6.2 Box of the largest connected component (hidden)")
public class LargestComponentBoxHiddenGrader extends ExerciseGrader {
  @Test
  @DisplayName("a large map: 512×512 with a component of about 125 000 pixels, too deep for a flood fill that calls itself once per"
      + " pixel (keep the pixels to visit in an explicit stack or queue)")
  @Points(0.25)
  void largeMap(LargestComponentBox student) {
    int height = 512;
    int width = 512;
    float[] map = new float[height * width];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        double r2 = ((x - 280.0) * (x - 280.0) + (y - 250.0) * (y - 250.0)) / (200.0 * 200.0);   // a disc of radius 200
        if (r2 < 1) map[y * width + x] = (float) (1 - 0.6 * r2);
      }
    }
    for (int k = 0; k < 40; k++) map[(k * 7919) % 60 * width + (k * 104729) % 60] = 0.9f;   // specks in the top-left corner
    Args args = args(map, height, width, 0.2);
    SPEC.assertResult(student, args, SPEC.expected(args), components(args));
  }

  @Test
  @DisplayName("a map that is one component from edge to edge: 768×768 pixels, more than a stack or queue of fixed size holds"
      + " (let it grow, e.g. an ArrayDeque)")
  @Points(0.25)
  void wholeMapIsOneComponent(LargestComponentBox student) {
    int height = 768;
    int width = 768;
    float[] map = new float[height * width];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) map[y * width + x] = 0.5f + 0.5f * (float) ((x * 31 + y * 17) % 97) / 97;   // all above 0.2 · max
    }
    Args args = args(map, height, width, 0.2);
    SPEC.assertResult(student, args, SPEC.expected(args), components(args));
  }
}
