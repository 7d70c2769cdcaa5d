package camlab.exercises.graders.beyond;

import java.util.List;

import ai.djl.engine.Engine;

import camlab.exercises.graders.Args;
import camlab.exercises.graders.ExerciseGrader;
import camlab.exercises.graders.Inputs;
import camlab.exercises.graders.Points;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static camlab.exercises.graders.Args.args;
import static camlab.exercises.graders.beyond.OcclusionMapGrader.SPEC;

/**
 * The hidden tests of exercise 8.3, run only when an instructor grades: colour images that are not square. The window must zero
 * every colour channel, and rows must run to H and columns to W; the visible images are grey and square, where zeroing channel 0
 * only, or looping both axes to H, still passes.
 */
@DisplayName("8.3 Occlusion map (hidden)")
public class OcclusionMapHiddenGrader extends ExerciseGrader {
  @BeforeEach
  void seed() {
    Engine.getInstance().setRandomSeed(2014);
  }

  @Test
  @DisplayName("colour images that are not square (3x5x7, 2x6x4): every channel is zeroed, rows run to H and columns to W")
  @Points(0.5)
  void colourImagesNotSquare(OcclusionMap student) {
    for (int[] c : List.of(new int[] {2, 3, 5, 7, 3, 2, 1}, new int[] {1, 2, 6, 4, 2, 1, 0})) {
      try (Inputs in = new Inputs(c[2] * 10 + c[3])) {
        Args args = args(in.model(Heads.mlp(c[1], c[2], c[3], 8, 3)), in.gaussian(c[0], c[1], c[2], c[3]), c[6], c[4], c[5]);
        SPEC.assertResult(student, args, SPEC.expected(args), "on " + c[0] + " images of " + c[1] + "x" + c[2] + "x" + c[3]
            + ", patch " + c[4] + ", stride " + c[5]);
      }
    }
  }
}
