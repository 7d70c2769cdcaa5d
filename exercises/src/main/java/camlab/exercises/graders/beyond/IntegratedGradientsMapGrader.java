package camlab.exercises.graders.beyond;

import java.util.stream.Stream;

import ai.djl.engine.Engine;

import camlab.exercises.graders.ExerciseGrader;
import camlab.exercises.graders.ExerciseSpec;
import camlab.exercises.graders.Points;
import camlab.exercises.graders.Tensor;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import static camlab.exercises.graders.Args.args;
import static camlab.exercises.graders.ExerciseSpec.dims;

/**
 * Grades exercise 8.5 ({@link IntegratedGradientsMap}) on small classifiers that take the image itself: a linear head, where IG is
 * x ⊙ w for any rule; one ReLU unit whose gradient switches on part-way along the path, where the midpoint rule's count of active
 * steps is known by hand and differs from the left and right rules'; and a nonlinear head against a loop with one autograd pass
 * per step. Every result must be float32 of shape [B,H,W], and every call must leave the images unchanged. Colour images, whose
 * channels are summed, are {@code IntegratedGradientsMapHiddenGrader}'s.
 */
@DisplayName("8.5 Integrated Gradients")
public class IntegratedGradientsMapGrader extends ExerciseGrader {
  private static final String UNIT = "on one ReLU unit y_c = v_c·ReLU(x_0 + x_1 − 0.9), v = [2, −1], m = 4 (α = 1/8, 3/8, 5/8, 7/8)";
  /** Random grey images [B,1,H,W] on a flatten → Linear(8) → ReLU → Linear(3) head: dims {B, H, W, class, steps}. */
  static final ExerciseSpec<IntegratedGradientsMap> SPEC = ExerciseSpec.of(IntegratedGradientsMap.class)
      .reference(a -> BeyondReference.integratedGradients(a.get(0), a.array(1), a.integer(2), a.integer(3)))
      .tolerance(1e-4)
      .shapeHint("one map per image at the input's size: [B, H, W] — sum x ⊙ (mean gradient) over the colour axis 1")
      .unchanged("images")
      .golden("a linear model: IG = x ⊙ w_c, whatever the steps (completeness is exact)",
          in -> args(in.model(Heads.linear(1, 2, 2, new float[] {1, 1, 1, 1, 2, 1, -1, 4})), in.array(new float[] {1, -2, 3, 0.5f}, 1, 1, 2, 2), 1, 3),
          Tensor.of(new float[] {2, -2, -3, 2}, 1, 2, 2),
          "on y_1 = 2x_00 + x_01 − x_10 + 4x_11 with x = [[1,-2],[3,0.5]]: the gradient is w_1 at every α, so IG = x ⊙ w_1 ="
              + " [[2,-2],[-3,2]], and its sum 1 = y_1(x) − y_1(0)")
      .golden("one ReLU unit, class 0: the midpoint rule counts the steps where the unit is on",
          in -> args(in.model(Heads.oneReluUnit(new float[] {1, 1}, -0.9f, new float[] {2, -1})),
              in.array(new float[] {2, 1, 1.5f, 0.5f}, 2, 1, 1, 2), 0, 4),
          Tensor.of(new float[] {3, 1.5f, 1.5f, 0.5f}, 2, 1, 2),
          UNIT + ": image x = [2,1] has x_0 + x_1 = 3, on for α > 0.3, i.e. 3 of the 4 midpoints, so IG = x·2·3/4 = [3, 1.5] (left"
              + " points 0, 1/4, 1/2, 3/4 give 2 of 4); image x = [1.5, 0.5] is on for α > 0.45, 2 of 4, so IG = x·2·2/4 = [1.5, 0.5]"
              + " (right points 1/4 … 1 give 3 of 4)")
      .golden("one ReLU unit, class 1: negative evidence stays negative",
          in -> args(in.model(Heads.oneReluUnit(new float[] {1, 1}, -0.9f, new float[] {2, -1})),
              in.array(new float[] {2, 1, 1.5f, 0.5f}, 2, 1, 1, 2), 1, 4),
          Tensor.of(new float[] {-1.5f, -0.75f, -0.75f, -0.25f}, 2, 1, 2),
          UNIT + ", class 1 (v_1 = −1): the same counts as class 0, times −1/2")
      .random(2017, (in, d) -> args(in.model(Heads.mlp(1, d[1], d[2], 8, 3)), in.gaussian(d[0], 1, d[1], d[2]), d[3], d[4]),
          dims(2, 3, 3, 0, 1), dims(1, 4, 4, 2, 8), dims(3, 2, 5, 1, 5), dims(2, 5, 5, 1, 16))
      .randomWhy(a -> "on a flatten → Linear(8) → ReLU → Linear(3) head, m = " + a.integer(3) + ", α_k = (k − ½)/m")
      .build();

  @BeforeEach
  void seed() {
    Engine.getInstance().setRandomSeed(2017);
  }

  @TestFactory
  @Order(1)
  @DisplayName("hand-computed: a linear model (IG = x ⊙ w) and one ReLU unit (the midpoint rule, both classes)")
  @Points(1.25)
  Stream<DynamicTest> golden(IntegratedGradientsMap student) {
    return SPEC.golden(student);
  }

  @Test
  @Order(2)
  @DisplayName("a nonlinear head (flatten, Linear, ReLU, Linear): every image, class and number of steps matches autograd")
  @Points(0.75)
  void nonlinearHeadMatchesReference(IntegratedGradientsMap student) {
    SPEC.assertMatchesReference(student);
  }

  @Test
  @Order(3)
  @DisplayName("the images are left unchanged (scale copies, not the caller's array)")
  @Points(0.5)
  void imagesAreNotModified(IntegratedGradientsMap student) {
    SPEC.assertArgumentsUnchanged(student);
  }
}
