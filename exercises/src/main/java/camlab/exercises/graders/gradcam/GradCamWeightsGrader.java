package camlab.exercises.graders.gradcam;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;

import camlab.exercises.graders.Arguments;
import camlab.exercises.graders.ArrayGrader;
import camlab.exercises.graders.Autograd;
import camlab.exercises.graders.Inputs;
import camlab.exercises.graders.NDAssert;
import camlab.exercises.graders.Points;
import camlab.exercises.graders.StudentAnswer;
import camlab.exercises.sandbox.HeadRecipe;
import camlab.model.Classifier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Grades exercise 3.1 ({@link GradCamWeights}) on small classifiers whose features are the input itself
 * (so the activations are whatever the test passes): heads with hand-set weights whose gradients are known
 * in closed form, and a nonlinear head against autograd. Every result must be float32 of shape [B,K], and every call must leave
 * the activations unchanged. Repeated calls on the same activations are {@code GradCamWeightsHiddenGrader}'s.
 */
@ExtendWith(StudentAnswer.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("3.1 Grad-CAM channel weights")
public class GradCamWeightsGrader extends ArrayGrader {
  static final String SHAPE_HINT = "one weight per image and channel: average the gradient over the spatial axes 2 and 3";
  static final double REL_TOL = 1e-4;

  private final List<Classifier> models = new ArrayList<>();

  @BeforeEach
  void seed() {
    Engine.getInstance().setRandomSeed(2017);
  }

  @AfterEach
  void closeModels() { // runs before ArrayGrader closes the manager
    models.forEach(Classifier::close);
  }

  @Test
  @Order(1)
  @DisplayName("GAP + Linear head: the gradient is W[c]/(h·w) at every position, so α = W[c]/(h·w)")
  @Points(0.75)
  void goldenGapHead(GradCamWeights student) {
    Classifier model = gapHead(2, 2, 2, new float[] {2, -4, 1, 0});
    NDArray activations = Inputs.gaussian(manager, new Random(1), new Shape(2, 2, 2, 2));
    String what = " on a GAP + Linear head with W=[[2,-4],[1,0]] and 2x2 activations (∂y^c/∂A_k(i,j) = W[c,k]/4 everywhere)";
    NDAssert.assertValues(new float[] {0.5f, -1f, 0.5f, -1f}, new Shape(2, 2), weights(student, model, activations, 0), REL_TOL,
        call(activations, 0) + what, SHAPE_HINT);
    NDArray others = Inputs.gaussian(manager, new Random(11), new Shape(2, 2, 2, 2)); // fresh: repeated calls are tested apart
    NDAssert.assertValues(new float[] {0.25f, 0f, 0.25f, 0f}, new Shape(2, 2), weights(student, model, others, 1), REL_TOL,
        call(others, 1) + what, SHAPE_HINT);
  }

  @Test
  @Order(2)
  @DisplayName("flatten + Linear head: the gradient is the class's weight row reshaped to [K,h,w]")
  @Points(0.75)
  void goldenFlattenHead(GradCamWeights student) {
    Classifier model = track(HeadRecipe.forActivations(2, 1, 2, 2).flatten().linear(2, false).build());
    linearWeight(model, 1).set(new float[] {1, 3, -2, 0, 0.5f, 0.5f, 0.5f, 0.5f});
    NDArray activations = Inputs.gaussian(manager, new Random(2), new Shape(1, 2, 1, 2));
    NDAssert.assertValues(new float[] {2f, -1f}, new Shape(1, 2), weights(student, model, activations, 0), REL_TOL,
        call(activations, 0) + " on a flatten + Linear head whose class-0 row [1,3,-2,0] is ∂y/∂A: channel 0 = [1,3], channel 1 = [-2,0]",
        SHAPE_HINT);
  }

  @Test
  @Order(3)
  @DisplayName("a nonlinear head (flatten, Linear, ReLU, Linear): every image and class matches autograd")
  @Points(1)
  void nonlinearHeadMatchesAutograd(GradCamWeights student) {
    Classifier model = mlpHead(4, 3, 3, 8, 3);
    NDArray activations = Inputs.gaussian(manager, new Random(3), new Shape(3, 4, 3, 3));
    for (int c = 0; c < 3; c++) {
      float[] expected = reference(model, activations, c);
      NDArray fresh = activations.duplicate(); // a new array per call: repeated calls are tested apart
      NDAssert.assertValues(expected, new Shape(3, 4), weights(student, model, fresh, c), REL_TOL,
          call(activations, c) + " on a flatten → Linear(8) → ReLU → Linear(3) head (the gradient differs per image)", SHAPE_HINT);
    }
  }

  /** The student's weights, after checking that the call left the activations as they were. */
  static NDArray weights(GradCamWeights student, Classifier model, NDArray activations, int c) {
    Arguments before = Arguments.of("activations", activations);
    NDArray alpha = student.gradCamWeights(model, activations, c);
    before.assertUnchanged(call(activations, c), Arguments.IN_PLACE_HINT);
    return alpha;
  }

  /** ∂y^c/∂A averaged over positions, by autograd through the model's head. */
  static float[] reference(Classifier model, NDArray activations, int c) {
    try (NDManager scope = activations.getManager().newSubManager()) {
      NDArray a = activations.duplicate();
      a.attach(scope);
      NDArray leaf = model.gradientLeaf(a);
      synchronized (Autograd.LOCK) {
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
          NDArray logits = model.headForGradients(leaf);
          collector.backward(logits.get(":, " + c).sum());
        }
      }
      return leaf.getGradient().mean(new int[] {3}).mean(new int[] {2}).toFloatArray();
    }
  }

  private Classifier gapHead(int k, int h, int w, float[] weights) {
    Classifier model = track(HeadRecipe.forActivations(k, h, w, weights.length / k).globalAveragePooling()
        .linear(weights.length / k, false).build());
    linearWeight(model, 1).set(weights);
    return model;
  }

  private Classifier mlpHead(int k, int h, int w, int hidden, int classes) {
    return track(untrackedMlpHead(k, h, w, hidden, classes));
  }

  /** flatten → Linear(hidden) → ReLU → Linear(classes), with the engine's seeded initial weights; the caller closes it. */
  static Classifier untrackedMlpHead(int k, int h, int w, int hidden, int classes) {
    return HeadRecipe.forActivations(k, h, w, classes).flatten().linear(hidden, true).relu().linear(classes, true).build();
  }

  /** Models are built from recipes, so that a cell JVM can rebuild them; closed after each test. */
  private Classifier track(Classifier model) {
    models.add(model);
    return model;
  }

  private static NDArray linearWeight(Classifier model, int index) {
    return model.headBlock().getChildren().get(index).getValue().getParameters().get("weight").getArray();
  }

  static String call(NDArray activations, int c) {
    return "gradCamWeights(model, activations " + activations.getShape() + ", classIndex " + c + ")";
  }
}
