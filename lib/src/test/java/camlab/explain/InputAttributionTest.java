package camlab.explain;

import static camlab.explain.CamTest.identityFeaturesWithWeights;
import static camlab.explain.CamTest.names;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import camlab.TestDevice;
import camlab.model.Architectures;
import camlab.model.Classifier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Saliency, Integrated Gradients and SmoothGrad: golden values, completeness, references, options. */
@Tag(TestDevice.ENGINE)
class InputAttributionTest {
  private static final float[] W = {1, -1, 0.5f, 2};
  private static final float[] X = {1, 2, 3, 4, 0, 1, 0, 1};

  @Test
  void onTheLinearHandSetNetworkSaliencyIsTheLargestWeightAndIntegratedGradientsIsXTimesIt() {
    // ∂y_c/∂x_k = W_ck / 4: class 0 → (0.25, −0.25), class 1 → (0.125, 0.5)
    try (Classifier model = identityFeaturesWithWeights(W, 2, 2, 2); NDManager m = TestDevice.manager()) {
      NDArray x = m.create(X, new Shape(1, 2, 2, 2));
      ActivationMaps saliency = new Saliency().explain(model, x, Targets.allFor(0));
      assertArrayEquals(new float[] {0.25f, 0.25f, 0.25f, 0.25f}, saliency.maps().toFloatArray(), 1e-7f);
      assertEquals(new Shape(1, 2, 2), saliency.maps().getShape());
      assertArrayEquals(new float[] {0.5f, 0.5f, 0.5f, 0.5f}, new Saliency().explain(model, x).maps().toFloatArray(), 1e-7f); // top-1 = 1
      // IG on a linear model: Σ_k x_k W_ck / 4 at every step count; completeness is exact (y(0) = 0)
      float[] expected = {0.125f, 0.75f, 0.375f, 1f};
      for (int steps : new int[] {1, 3, 32}) {
        ActivationMaps ig = new IntegratedGradients(steps).explain(model, x, Targets.allFor(1));
        assertArrayEquals(expected, ig.maps().toFloatArray(), 1e-6f);
        assertEquals(2.25f, ig.maps().sum().getFloat(), 1e-5f);
      }
    }
  }

  @Test
  void integratedGradientsIsCompleteOnATrainedSizeNetworkAndIndependentOfTheBatch() {
    Engine.getInstance().setRandomSeed(17);
    try (Classifier model = Architectures.gapCnn(64, names(10), TestDevice.get()); NDManager m = TestDevice.manager()) {
      NDArray images = m.randomUniform(0, 1, new Shape(3, 1, 64, 64));
      int[] classes = {1, 4, 8};
      ActivationMaps ig = new IntegratedGradients(128).explain(model, images, Targets.perImage(classes));
      float[] sums = ig.maps().sum(new int[] {1, 2}).toFloatArray();
      float[] at = model.logits(images).toFloatArray();
      float[] atZero = model.logits(images.zerosLike()).toFloatArray();
      for (int b = 0; b < 3; b++) {
        double difference = at[b * 10 + classes[b]] - atZero[b * 10 + classes[b]];
        assertEquals(difference, sums[b], 0.02 * Math.abs(difference) + 1e-4, "image " + b + ": Σ map ≈ y(x) − y(0)");
      }
      // 32 steps of 3 images take two passes (21 + 11 steps); one image alone takes one
      ActivationMaps batch = new IntegratedGradients().explain(model, images, Targets.perImage(classes));
      for (int b = 0; b < 3; b++) {
        NDArray alone = new IntegratedGradients().explain(model, images.get(b + ":" + (b + 1)), Targets.allFor(classes[b])).maps();
        assertArrayEquals(alone.toFloatArray(), batch.maps().get(b).toFloatArray(), 1e-5f * alone.abs().max().getFloat());
      }
    }
  }

  @Test
  void smoothGradIsTheMeanSaliencyOverTheSeededNoisyCopies() {
    Engine.getInstance().setRandomSeed(19);
    try (Classifier model = Architectures.gapCnn(32, names(10), TestDevice.get()); NDManager m = TestDevice.manager()) {
      NDArray images = m.randomUniform(0, 1, new Shape(2, 1, 32, 32));
      int[] classes = {3, 5};
      int samples = 5;
      float[][] noise = SmoothGrad.noise(7, samples, new Shape(1, 32, 32));
      for (int b = 0; b < 2; b++) {
        NDArray x = images.get(b + ":" + (b + 1));
        float sigma = 0.15f * (x.max().getFloat() - x.min().getFloat());
        NDArray sum = m.zeros(new Shape(1, 32, 32));
        for (float[] pattern : noise) {
          NDArray noisy = x.add(m.create(pattern, new Shape(1, 1, 32, 32)).mul(sigma));
          sum = sum.add(new Saliency().explain(model, noisy, Targets.allFor(classes[b])).maps());
        }
        float[] reference = sum.div(samples).toFloatArray();
        float[] ours = new SmoothGrad(samples, 7).explain(model, images, Targets.perImage(classes)).maps().get(b).toFloatArray();
        assertArrayEquals(reference, ours, 1e-5f * m.create(reference).max().getFloat(), "image " + b);
      }
      float[] other = new SmoothGrad(samples, 8).explain(model, images, Targets.perImage(classes)).maps().toFloatArray();
      float[] same = new SmoothGrad(samples, 7).explain(model, images, Targets.perImage(classes)).maps().toFloatArray();
      assertTrue(!java.util.Arrays.equals(other, same), "another seed, other noise");
    }
  }

  @Test
  void optionsReachTheMethodAndAreRefusedWhereTheyDoNotApply() {
    MethodOptions steps = MethodOptions.none().with(MethodOptions.Option.STEPS, 8);
    assertEquals(8, ((IntegratedGradients) Explainers.byName("integrated-gradients", steps)).steps());
    assertEquals("smoothgrad (4 samples, seed 3)", Explainers.byName("smoothgrad",
        MethodOptions.none().with(MethodOptions.Option.SAMPLES, 4).with(MethodOptions.Option.SEED, 3)).toString());
    IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class, () -> Explainers.byName("smoothgrad", steps));
    assertEquals("--steps does not apply to smoothgrad, which takes --samples, --seed; --steps is for integrated-gradients.", wrong.getMessage());
    IllegalArgumentException zero = assertThrows(IllegalArgumentException.class, () -> MethodOptions.none().with(MethodOptions.Option.SAMPLES, 0));
    assertEquals("--samples must be from 1 to 2147483647; got 0.", zero.getMessage());
    assertTrue(Explainers.byName("saliency").needsInputGradients());
    assertTrue(!Explainers.byName("scorecam").needsInputGradients());
  }
}
