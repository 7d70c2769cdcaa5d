package camlab.exercises.graders.gradcam;

import ai.djl.engine.Engine;

import camlab.exercises.graders.Args;
import camlab.exercises.graders.ExerciseGrader;
import camlab.exercises.graders.Inputs;
import camlab.exercises.graders.Points;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static camlab.exercises.graders.Args.args;
import static camlab.exercises.graders.gradcam.GradCamWeightsGrader.SPEC;
import static camlab.exercises.graders.gradcam.GradCamWeightsGrader.mlpHead;

/**
 * The hidden tests of exercise 3.1, run only when an instructor grades: two calls on the same activations (every visible call
 * gets fresh ones), so gradients that pile up on the caller's array show.
 */
@DisplayName("3.1 Grad-CAM channel weights (hidden)")
public class GradCamWeightsHiddenGrader extends ExerciseGrader {
  @BeforeEach
  void seed() {
    Engine.getInstance().setRandomSeed(2017);
  }

  @Test
  @DisplayName("calling twice gives the same weights and leaves the activations unchanged (gradients must not pile up)")
  @Points(0.5)
  void repeatedCallsAgree(GradCamWeights student) {
    try (Inputs in = new Inputs(4)) {
      Args args = args(in.model(mlpHead(3, 2, 4, 6, 4)), in.gaussian(2, 3, 2, 4), 2);
      Object expected = SPEC.expected(args);
      SPEC.assertResult(student, args, expected, "(the first call)");
      SPEC.assertResult(student, args, expected, "(the second call on the same activations; if it doubled: the gradient was accumulated"
          + " on the caller's array — differentiate a fresh leaf, model.gradientLeaf(activations), not the activations themselves)");
    }
  }
}
