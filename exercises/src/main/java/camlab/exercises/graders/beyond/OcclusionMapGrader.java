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
 * Grades exercise 8.3 ({@link OcclusionMap}) on small classifiers that take the image itself: linear heads with hand-set weights,
 * whose score drops are sums of weights, and a nonlinear head against a loop that occludes one window per forward pass. Every
 * result must be float32 of shape [B,H,W], and every call must leave the images unchanged. The visible images are square and
 * grey, like the course's; colour images that are not square are {@code OcclusionMapHiddenGrader}'s.
 */
@DisplayName("8.3 Occlusion map")
public class OcclusionMapGrader extends ExerciseGrader {
  private static final String RULE = "windows at rows/columns 0, stride, 2·stride, … where they fit; map = mean drop over the windows"
      + " covering a pixel, 0 where none covers";
  /** Random grey images [B,1,H,H] on a flatten → Linear(8) → ReLU → Linear(3) head: dims {B, H, patch, stride, class}. */
  static final ExerciseSpec<OcclusionMap> SPEC = ExerciseSpec.of(OcclusionMap.class)
      .reference(a -> BeyondReference.occlusion(a.get(0), a.array(1), a.integer(2), a.integer(3), a.integer(4)))
      .tolerance(1e-4)
      .shapeHint("one map per image at the input's size: [B, H, W]")
      .unchanged("images")
      .golden("hand-computed: 2x2 windows with stride 2 tile a 4x4 image; each pixel gets its one window's drop",
          in -> args(in.model(Heads.linear(1, 4, 4, classRows(16))), in.array(concat(filled(1, 16), filled(2, 16)), 2, 1, 4, 4), 1, 2, 2),
          Tensor.of(new float[] {10, 10, 18, 18, 10, 10, 18, 18, 42, 42, 50, 50, 42, 42, 50, 50,
              20, 20, 36, 36, 20, 20, 36, 36, 84, 84, 100, 100, 84, 84, 100, 100}, 2, 4, 4),
          "on a linear model y_1 = Σ w_ij x_ij with w = [[0,1,2,3],[4,5,6,7],[8,9,10,11],[12,13,14,15]], image 0 = 1 everywhere,"
              + " image 1 = 2 everywhere: zeroing a window drops y_1 by the window's Σ w·x (0+1+4+5 = 10, 18, 42, 50; doubled for image 1)")
      .golden("hand-computed: 2x2 windows with stride 1 overlap on a 3x3 image; each pixel averages the drops of its windows",
          in -> args(in.model(Heads.linear(1, 3, 3, classRows(9))), in.array(filled(1, 9), 1, 1, 3, 3), 1, 2, 1),
          Tensor.of(new float[] {8, 10, 12, 14, 16, 18, 20, 22, 24}, 1, 3, 3),
          "on a linear model with w = [[0,1,2],[3,4,5],[6,7,8]] and x = 1: the four windows drop y by 8, 12, 20, 24; a corner has one"
              + " window, an edge pixel the mean of two (e.g. (8+12)/2 = 10), the centre the mean of all four (16)")
      .random(2014, (in, d) -> args(in.model(Heads.mlp(1, d[1], d[1], 8, 3)), in.gaussian(d[0], 1, d[1], d[1]), d[4], d[2], d[3]),
          dims(2, 6, 2, 2, 0), dims(1, 7, 3, 2, 1), dims(2, 8, 4, 4, 2), dims(1, 5, 5, 1, 0), dims(3, 6, 3, 1, 1))
      .randomWhy(a -> "on a flatten → Linear(8) → ReLU → Linear(3) head, patch " + a.integer(3) + ", stride " + a.integer(4) + "; " + RULE)
      .build();

  @BeforeEach
  void seed() {
    Engine.getInstance().setRandomSeed(2014);
  }

  @TestFactory
  @Order(1)
  @DisplayName("hand-computed on linear models: windows that tile the image, and windows that overlap (the mean of their drops)")
  @Points(1)
  Stream<DynamicTest> golden(OcclusionMap student) {
    return SPEC.golden(student);
  }

  @Test
  @Order(2)
  @DisplayName("pixels that no window covers get 0 (not NaN, and no extra window is squeezed in at the edge)")
  @Points(0.5)
  void uncoveredPixelsAreZero(OcclusionMap student) {
    // windows at 0 and 2 (4 + 2 > 5): row 4 and column 4 are never covered
    float[] expected = new float[25];
    for (int i = 0; i < 4; i++) for (int j = 0; j < 4; j++) expected[i * 5 + j] = 4;
    SPEC.assertCase(student, in -> args(in.model(Heads.linear(1, 5, 5, filled(1, 25))), in.array(filled(1, 25), 1, 1, 5, 5), 0, 2, 2),
        Tensor.of(expected, 1, 5, 5), "on y = Σ x with x = 1 on a 5x5 image, patch 2, stride 2: windows start at 0 and 2 only, each drops"
            + " y by 4; row 4 and column 4 lie under no window");
  }

  @Test
  @Order(3)
  @DisplayName("a nonlinear head (flatten, Linear, ReLU, Linear): every image, patch and stride matches one window per pass")
  @Points(0.75)
  void nonlinearHeadMatchesReference(OcclusionMap student) {
    SPEC.assertMatchesReference(student);
  }

  @Test
  @Order(4)
  @DisplayName("the images are left unchanged (occlude copies, not the caller's array)")
  @Points(0.25)
  void imagesAreNotModified(OcclusionMap student) {
    SPEC.assertArgumentsUnchanged(student);
  }

  /** Two class rows over n pixels: class 0 all ones, class 1 the pixel index 0..n−1. */
  static float[] classRows(int n) {
    float[] w = new float[2 * n];
    for (int i = 0; i < n; i++) {
      w[i] = 1;
      w[n + i] = i;
    }
    return w;
  }

  static float[] filled(float value, int n) {
    float[] out = new float[n];
    java.util.Arrays.fill(out, value);
    return out;
  }

  private static float[] concat(float[] a, float[] b) {
    float[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
