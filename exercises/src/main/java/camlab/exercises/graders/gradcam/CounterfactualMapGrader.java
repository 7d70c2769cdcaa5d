package camlab.exercises.graders.gradcam;

import java.util.stream.Stream;

import ai.djl.ndarray.types.Shape;

import camlab.exercises.graders.ExerciseGrader;
import camlab.exercises.graders.ExerciseSpec;
import camlab.exercises.graders.Points;
import camlab.exercises.graders.Tensor;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import static camlab.exercises.graders.Args.args;
import static camlab.exercises.graders.ExerciseSpec.dims;

/**
 * Grades exercise 3.3 ({@link CounterfactualMap}): golden values, random inputs against the library with negated weights, edge cases;
 * every result must be float32 of shape [B,h,w], and every call must leave its arguments unchanged. Activations of either sign are
 * {@code CounterfactualMapHiddenGrader}'s.
 */
@DisplayName("3.3 Counterfactual map")
public class CounterfactualMapGrader extends ExerciseGrader {
  /**
   * Random activations [B,K,h,w] and weights [B,K]: dims {B, K, h, w, signed} — the activations uniform in [0, 1) (after a ReLU
   * layer), or standard normal when {@code signed} is 1 (a split before the ReLU).
   */
  static final ExerciseSpec<CounterfactualMap> SPEC = ExerciseSpec.of(CounterfactualMap.class)
      .reference(a -> MapReference.reluWeightedSum(a.array(0), a.array(1), -1f))
      .tolerance(1e-4)
      .shapeHint("one map per image, like Grad-CAM: [B,h,w]")
      .unchanged("activations", "weights")
      .golden("hand-computed: the same inputs as 3.2's golden test, with the weights negated before the sum", GradCamMapGrader::goldenInputs,
          // image 0: Σ (−α_k) A_k = [-1, -1, 3] → [0, 0, 3]; image 1: [-3, -2, -2.5] → [0, 0, 0]
          Tensor.of(new float[] {0, 0, 3, 0, 0, 0}, 2, 1, 3),
          GradCamMapGrader.GOLDEN_TEXT + " (Σ_k (−α_k) A_k = [[-1,-1,3]] and [[-3,-2,-2.5]], then ReLU)")
      .golden("edge case: positive weights give an all-zero map",
          in -> args(in.uniform(2, 3, 2, 2), in.array(new float[] {1, 2, 0.5f, 3, 1, 1}, 2, 3)), Tensor.filled(0, 2, 2, 2),
          "with non-negative activations and positive weights (all evidence is for the class: nothing against it)")
      .golden("edge case: zero weights give an all-zero map", in -> args(in.uniform(2, 3, 2, 2), in.manager().zeros(new Shape(2, 3))),
          Tensor.filled(0, 2, 2, 2), "with all weights 0")
      .random(2018, (in, d) -> {
        Shape shape = new Shape(d[0], d[1], d[2], d[3]);
        return args(d[4] == 1 ? in.gaussian(shape.getShape()) : in.uniform(shape.getShape()), in.gaussian(d[0], d[1]));
      }, dims(2, 3, 4, 5, 0), dims(1, 1, 1, 1, 0), dims(4, 64, 7, 7, 0), dims(3, 8, 16, 16, 0), dims(1, 5, 2, 9, 0))
      .randomWhy(a -> a.array(0).min().getFloat() < 0 ? " (activations of either sign, as at a layer before its ReLU)"
          : " (non-negative activations, like after a ReLU layer)")
      .build();

  @TestFactory
  @Order(1)
  @DisplayName("hand-computed: 3.2's inputs with the weights negated; positive and zero weights give all-zero maps")
  @Points(0.75)
  Stream<DynamicTest> golden(CounterfactualMap student) {
    return SPEC.golden(student);
  }

  @Test
  @Order(2)
  @DisplayName("random non-negative activations (after a ReLU layer) match the library: ReLU of the sum weighted by −α")
  @Points(0.5)
  void randomInputsMatchReference(CounterfactualMap student) {
    SPEC.assertMatchesReference(student);
  }

  @Test
  @Order(3)
  @DisplayName("the arguments are left unchanged (negate a copy, not the caller's weights)")
  @Points(0.25)
  void argumentsAreNotModified(CounterfactualMap student) {
    SPEC.assertArgumentsUnchanged(student);
  }
}
