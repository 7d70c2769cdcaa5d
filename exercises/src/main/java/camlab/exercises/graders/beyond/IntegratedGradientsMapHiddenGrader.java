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
import static camlab.exercises.graders.beyond.IntegratedGradientsMapGrader.SPEC;

/**
 * The hidden tests of exercise 8.5, run only when an instructor grades: colour images, whose per-channel attributions x ⊙ ḡ are
 * summed over the channels (so that completeness holds). On the visible tests' grey images, taking channel 0, the mean or the
 * largest magnitude over the channels all give the same map.
 */
@DisplayName("8.5 Integrated Gradients (hidden)")
public class IntegratedGradientsMapHiddenGrader extends ExerciseGrader {
  @BeforeEach
  void seed() {
    Engine.getInstance().setRandomSeed(2017);
  }

  @Test
  @DisplayName("colour images (3 channels): the channels' attributions are summed, so the map adds up to y(x) − y(0)")
  @Points(0.5)
  void colourImages(IntegratedGradientsMap student) {
    for (int[] c : List.of(new int[] {2, 3, 4, 4, 1, 6}, new int[] {1, 3, 3, 5, 2, 4})) {
      try (Inputs in = new Inputs(c[2] * 10 + c[3])) {
        Args args = args(in.model(Heads.mlp(c[1], c[2], c[3], 8, 3)), in.gaussian(c[0], c[1], c[2], c[3]), c[4], c[5]);
        SPEC.assertResult(student, args, SPEC.expected(args), "on " + c[0] + " images of " + c[1] + "x" + c[2] + "x" + c[3] + ", class "
            + c[4] + ", m = " + c[5]);
      }
    }
  }
}
