package camlab.exercises.graders.gradcam;

import java.util.stream.Stream;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;

import camlab.exercises.graders.Autograd;
import camlab.exercises.graders.ExerciseGrader;
import camlab.exercises.graders.ExerciseSpec;
import camlab.exercises.graders.Points;
import camlab.exercises.graders.Tensor;
import camlab.exercises.sandbox.HeadRecipe;
import camlab.model.Classifier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import static camlab.exercises.graders.Args.args;
import static camlab.exercises.graders.ExerciseSpec.dims;

/**
 * Grades exercise 3.1 ({@link GradCamWeights}) on small classifiers whose features are the input itself (so the activations are
 * whatever the test passes): heads with hand-set weights whose gradients are known in closed form, and a nonlinear head against
 * autograd. Every result must be float32 of shape [B,K], and every call must leave the activations unchanged. Models are built
 * from {@link HeadRecipe}s, so that a cell JVM can rebuild them. Repeated calls on the same activations are
 * {@code GradCamWeightsHiddenGrader}'s.
 */
@DisplayName("3.1 Grad-CAM channel weights")
public class GradCamWeightsGrader extends ExerciseGrader {
  private static final String GAP_HEAD = "on a GAP + Linear head with W=[[2,-4],[1,0]] and 2x2 activations (∂y^c/∂A_k(i,j) = W[c,k]/4"
      + " everywhere)";
  /** Random calls on a flatten → Linear(8) → ReLU → Linear(3) head: dims {class}. */
  static final ExerciseSpec<GradCamWeights> SPEC = ExerciseSpec.of(GradCamWeights.class)
      .reference(a -> reference(a.get(0), a.array(1), a.integer(2)))
      .tolerance(1e-4)
      .shapeHint("one weight per image and channel: average the gradient over the spatial axes 2 and 3")
      .unchanged("activations")
      .golden("GAP + Linear head, class 0: the gradient is W[0]/(h·w) at every position",
          in -> args(in.model(gapHead(new float[] {2, -4, 1, 0})), in.gaussian(2, 2, 2, 2), 0), Tensor.of(new float[] {0.5f, -1f, 0.5f, -1f}, 2, 2),
          GAP_HEAD)
      .golden("GAP + Linear head, class 1: the gradient is W[1]/(h·w) at every position",
          in -> args(in.model(gapHead(new float[] {2, -4, 1, 0})), in.gaussian(2, 2, 2, 2), 1), Tensor.of(new float[] {0.25f, 0f, 0.25f, 0f}, 2, 2),
          GAP_HEAD)
      .golden("flatten + Linear head: the gradient is the class's weight row reshaped to [K,h,w]",
          in -> args(in.model(flattenHead(new float[] {1, 3, -2, 0, 0.5f, 0.5f, 0.5f, 0.5f})), in.gaussian(1, 2, 1, 2), 0),
          Tensor.of(new float[] {2f, -1f}, 1, 2),
          "on a flatten + Linear head whose class-0 row [1,3,-2,0] is ∂y/∂A: channel 0 = [1,3], channel 1 = [-2,0]")
      .random(3, (in, d) -> args(in.model(mlpHead(4, 3, 3, 8, 3)), in.gaussian(3, 4, 3, 3), d[0]), dims(0), dims(1), dims(2))
      .randomWhy(a -> "on a flatten → Linear(8) → ReLU → Linear(3) head (the gradient differs per image)")
      .build();

  @BeforeEach
  void seed() {
    Engine.getInstance().setRandomSeed(2017);
  }

  @TestFactory
  @Order(1)
  @DisplayName("hand-set heads: GAP + Linear (α = W[c]/(h·w)) and flatten + Linear (the gradient is the weight row)")
  @Points(1.5)
  Stream<DynamicTest> golden(GradCamWeights student) {
    return SPEC.golden(student);
  }

  @Test
  @Order(2)
  @DisplayName("a nonlinear head (flatten, Linear, ReLU, Linear): every image and class matches autograd")
  @Points(1)
  void nonlinearHeadMatchesAutograd(GradCamWeights student) {
    SPEC.assertMatchesReference(student);
  }

  /** ∂y^c/∂A averaged over positions, by autograd through the model's head. */
  static Tensor reference(Classifier model, NDArray activations, int c) {
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
      return Tensor.of(leaf.getGradient().mean(new int[] {3}).mean(new int[] {2}));
    }
  }

  /** GAP → Linear(classes, no bias) on [2, 2, 2] activations, with the weight matrix {@code weights} [classes, 2]. */
  private static Classifier gapHead(float[] weights) {
    Classifier model = HeadRecipe.forActivations(2, 2, 2, weights.length / 2).globalAveragePooling().linear(weights.length / 2, false).build();
    linearWeight(model, 1).set(weights);
    return model;
  }

  /** flatten → Linear(2, no bias) on [2, 1, 2] activations, with the weight matrix {@code weights} [2, 4]. */
  private static Classifier flattenHead(float[] weights) {
    Classifier model = HeadRecipe.forActivations(2, 1, 2, 2).flatten().linear(2, false).build();
    linearWeight(model, 1).set(weights);
    return model;
  }

  /** flatten → Linear(hidden) → ReLU → Linear(classes), with the engine's seeded initial weights; the caller closes it. */
  static Classifier mlpHead(int k, int h, int w, int hidden, int classes) {
    return HeadRecipe.forActivations(k, h, w, classes).flatten().linear(hidden, true).relu().linear(classes, true).build();
  }

  private static NDArray linearWeight(Classifier model, int index) {
    return model.headBlock().getChildren().get(index).getValue().getParameters().get("weight").getArray();
  }
}
