package camlab.exercises.graders.gradcam;

import java.util.Random;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

import camlab.exercises.graders.ArrayGrader;
import camlab.exercises.graders.Inputs;
import camlab.exercises.graders.NDAssert;
import camlab.exercises.graders.Points;
import camlab.exercises.graders.StudentAnswer;
import camlab.model.Classifier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import static camlab.exercises.graders.gradcam.GradCamWeightsGrader.REL_TOL;
import static camlab.exercises.graders.gradcam.GradCamWeightsGrader.SHAPE_HINT;
import static camlab.exercises.graders.gradcam.GradCamWeightsGrader.call;
import static camlab.exercises.graders.gradcam.GradCamWeightsGrader.reference;
import static camlab.exercises.graders.gradcam.GradCamWeightsGrader.untrackedMlpHead;
import static camlab.exercises.graders.gradcam.GradCamWeightsGrader.weights;

/**
 * The hidden tests of exercise 3.1, run only when an instructor grades: two calls on the same activations (every visible call
 * gets fresh ones), so gradients that pile up on the caller's array show.
 */
@ExtendWith(StudentAnswer.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("3.1 Grad-CAM channel weights (hidden)")
public class GradCamWeightsHiddenGrader extends ArrayGrader {
  @BeforeEach
  void seed() {
    Engine.getInstance().setRandomSeed(2017);
  }

  @Test
  @Order(4)
  @DisplayName("calling twice gives the same weights and leaves the activations unchanged (gradients must not pile up)")
  @Points(0.5)
  void repeatedCallsAgree(GradCamWeights student) {
    try (Classifier model = untrackedMlpHead(3, 2, 4, 6, 4)) {
      NDArray activations = Inputs.gaussian(manager, new Random(4), new Shape(2, 3, 2, 4));
      float[] expected = reference(model, activations, 2);
      NDAssert.assertValues(expected, new Shape(2, 3), weights(student, model, activations, 2), REL_TOL,
          "first " + call(activations, 2), SHAPE_HINT);
      NDAssert.assertValues(expected, new Shape(2, 3), weights(student, model, activations, 2), REL_TOL,
          "second " + call(activations, 2) + " on the same activations (if it doubled: the gradient was accumulated on the caller's"
              + " array — differentiate a fresh leaf, model.gradientLeaf(activations), not the activations themselves)", SHAPE_HINT);
    }
  }
}
