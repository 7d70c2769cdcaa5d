package camlab.exercises.graders.beyond;

import camlab.exercises.graders.Args;
import camlab.exercises.graders.ExerciseGrader;
import camlab.exercises.graders.Inputs;
import camlab.exercises.graders.Points;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static camlab.exercises.graders.Args.args;
import static camlab.exercises.graders.beyond.LayerCamMapGrader.SPEC;

/**
 * The hidden tests of exercise 8.1, run only when an instructor grades: activations of either sign over several channels (LayerCAM
 * is meant for any layer, also one before its ReLU). There ReLU(g)·A and ReLU(g·A) differ — a negative activation with a negative
 * gradient counts in the second — while on the visible tests' non-negative activations they agree.
 */
@DisplayName("8.1 LayerCAM map (hidden)")
public class LayerCamMapHiddenGrader extends ExerciseGrader {
  @Test
  @DisplayName("activations of either sign (a layer before its ReLU): only the gradient is rectified, not the product g·A")
  @Points(0.5)
  void signedActivations(LayerCamMap student) {
    try (Inputs in = new Inputs(7)) {
      Args args = args(in.gaussian(3, 6, 5, 5), in.gaussian(3, 6, 5, 5));
      SPEC.assertResult(student, args, SPEC.expected(args), "with Gaussian activations and gradients (both of either sign)");
    }
  }
}
