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
import ai.djl.training.GradientCollector;
import camlab.TestDevice;
import camlab.model.Architectures;
import camlab.model.Classifier;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag(TestDevice.ENGINE)
class GradCamTest {
  private static final float[] W = {1, -1, 0.5f, 2}; // [[1, −1], [0.5, 2]]
  private static final float[] A = {1, 2, 3, 4, 0, 1, 0, 1}; // channel 0 = [[1,2],[3,4]], channel 1 = [[0,1],[0,1]]

  @Test
  void onTheHandSetGapNetworkGradCamIsReluCamOverZ() {
    try (Classifier model = identityFeaturesWithWeights(W, 2, 2, 2); NDManager m = TestDevice.manager()) {
      NDArray a = m.create(A, new Shape(1, 2, 2, 2));
      // class 0: CAM = [[1,1],[3,3]] → /4; class 1: CAM = [[0.5,3],[1.5,4]] → /4
      assertArrayEquals(new float[] {0.25f, 0.25f, 0.75f, 0.75f}, new GradCam().explain(model, a, Targets.allFor(0)).maps().toFloatArray(), 1e-6f);
      assertArrayEquals(new float[] {0.125f, 0.75f, 0.375f, 1f}, new GradCam().explain(model, a).maps().toFloatArray(), 1e-6f);
      // counterfactual of class 0: ReLU(−CAM)/4 = 0 everywhere (CAM is positive); of a class with W = −W: the CAM/4
      assertArrayEquals(new float[4], new CounterfactualGradCam().explain(model, a, Targets.allFor(0)).maps().toFloatArray(), 1e-7f);
    }
    try (Classifier negated = identityFeaturesWithWeights(new float[] {-1, 1, -0.5f, -2}, 2, 2, 2); NDManager m = TestDevice.manager()) {
      NDArray a = m.create(A, new Shape(1, 2, 2, 2));
      assertArrayEquals(new float[] {0.25f, 0.25f, 0.75f, 0.75f},
          new CounterfactualGradCam().explain(negated, a, Targets.allFor(0)).maps().toFloatArray(), 1e-6f);
    }
  }

  @Test
  void gradCamEqualsReluCamOverZOnATrainedSizeGapCnn() {
    Engine.getInstance().setRandomSeed(11);
    try (Classifier model = Architectures.gapCnn(64, names(10), TestDevice.get()); NDManager m = TestDevice.manager()) {
      NDArray images = m.randomUniform(0, 1, new Shape(6, 1, 64, 64));
      for (Targets t : new Targets[] {Targets.top1(), Targets.allFor(3), Targets.perImage(0, 1, 2, 7, 8, 9)}) {
        ActivationMaps cam = new Cam().explain(model, images, t);
        ActivationMaps grad = new GradCam().explain(model, images, t);
        assertArrayEquals(cam.classes(), grad.classes());
        float[] expected = cam.maps().maximum(0f).div(16 * 16).toFloatArray();
        assertArrayEquals(expected, grad.maps().toFloatArray(), 1e-5f);
        ActivationMaps counter = new CounterfactualGradCam().explain(model, images, t);
        assertArrayEquals(cam.maps().neg().maximum(0f).div(256).toFloatArray(), counter.maps().toFloatArray(), 1e-5f);
      }
    }
  }

  @Test
  void gradCamPlusPlusFollowsTheClosedForm() {
    try (Classifier model = identityFeaturesWithWeights(W, 2, 2, 2); NDManager m = TestDevice.manager()) {
      NDArray a = m.create(A, new Shape(1, 2, 2, 2));
      // class 1: g_k = w_k / Z = (0.125, 0.5), ΣA_k = (10, 2); α_k = g²/(2g² + ΣA·g³); w_k = Z·α_k·g_k
      double[] g = {0.125, 0.5};
      double[] sumA = {10, 2};
      double[] weight = new double[2];
      for (int k = 0; k < 2; k++) weight[k] = 4 * (g[k] * g[k] / (2 * g[k] * g[k] + sumA[k] * g[k] * g[k] * g[k])) * g[k];
      float[] expected = new float[4];
      for (int p = 0; p < 4; p++) expected[p] = (float) Math.max(0, weight[0] * A[p] + weight[1] * A[4 + p]);
      assertArrayEquals(expected, new GradCamPlusPlus().explain(model, a, Targets.allFor(1)).maps().toFloatArray(), 1e-6f);
    }
  }

  @Test
  void gradCamPlusPlusGivesZeroWeightWhereTheClosedFormDenominatorVanishes() {
    try (Classifier model = identityFeaturesWithWeights(W, 2, 2, 2); NDManager m = TestDevice.manager()) {
      // class 1: g = (0.125, 0.5); channel 0 sums to −16, so 2·g² + ΣA·g³ = g²·(2 − 16·0.125) = 0 → α_0 = 0;
      // channel 1 sums to 2: α_1 = 1 / (2 + 2·0.5) = 1/3, w_1 = Z·α_1·g_1 = 4 · (1/3) · 0.5 = 2/3
      NDArray a = m.create(new float[] {-4, -4, -4, -4, 0, 1, 0, 1}, new Shape(1, 2, 2, 2));
      float[] expected = {0, 2 / 3f, 0, 2 / 3f};
      assertArrayEquals(expected, new GradCamPlusPlus().explain(model, a, Targets.allFor(1)).maps().toFloatArray(), 1e-6f);
    }
  }

  @Test
  void probabilityScoreDifferentiatesTheSoftmax() {
    try (Classifier model = identityFeaturesWithWeights(W, 2, 2, 2); NDManager m = TestDevice.manager()) {
      NDArray a = m.create(A, new Shape(1, 2, 2, 2));
      // logits (2, 2.25); ∂p_c/∂A_k(ij) = p_c (w_ck − Σ_j p_j w_jk) / Z
      double p0 = 1 / (1 + Math.exp(0.25));
      double p1 = 1 - p0;
      double[] mix = {p0 * 1 + p1 * 0.5, p0 * -1 + p1 * 2};
      double[] alpha = {p1 * (0.5 - mix[0]) / 4, p1 * (2 - mix[1]) / 4};
      float[] expected = new float[4];
      for (int p = 0; p < 4; p++) expected[p] = (float) Math.max(0, alpha[0] * A[p] + alpha[1] * A[4 + p]);
      ActivationMaps maps = new GradCam(Score.PROBABILITY).explain(model, a, Targets.allFor(1));
      assertArrayEquals(expected, maps.maps().toFloatArray(), 1e-6f);
      assertEquals("gradcam-probability", maps.method());
    }
  }

  @Test
  void gradCamWorksWhereCamCannotAndAtEarlierLayers() {
    Engine.getInstance().setRandomSeed(5);
    try (Classifier fc = Architectures.fcCnn(64, names(10), TestDevice.get()); NDManager m = TestDevice.manager()) {
      NDArray images = m.randomUniform(0, 1, new Shape(2, 1, 64, 64));
      UnsupportedOperationException noCam = assertThrows(UnsupportedOperationException.class, () -> new Cam().explain(fc, images));
      assertTrue(noCam.getMessage().contains("Grad-CAM"), noCam.getMessage());
      assertEquals(new Shape(2, 16, 16), new GradCam().explain(fc, images).maps().getShape());
      Classifier early = fc.splitAt("conv1");
      assertEquals("conv1", early.targetLayer());
      ActivationMaps conv1 = new GradCam().explain(early, images);
      assertEquals(new Shape(2, 32, 32), conv1.maps().getShape());
      assertArrayEquals(new GradCam().explain(fc, images).classes(), conv1.classes(), "same model, same predictions");
      IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> fc.splitAt("conv9"));
      assertTrue(unknown.getMessage().contains("[conv1, conv2, conv3, conv4]"), unknown.getMessage());
    }
  }

  @Test
  void batchResultsEqualPerImageResultsAndNothingLeaks() {
    Engine.getInstance().setRandomSeed(8);
    try (Classifier model = Architectures.gapCnn(64, names(10), TestDevice.get()); NDManager m = TestDevice.manager()) {
      NDArray images = m.randomUniform(0, 1, new Shape(3, 1, 64, 64));
      for (Explainer e : new Explainer[] {new GradCam(), new GradCamPlusPlus(), new CounterfactualGradCam()}) {
        ActivationMaps batch = e.explain(model, images);
        for (int b = 0; b < 3; b++) {
          ActivationMaps one = e.explain(model, images.get(b + ":" + (b + 1)));
          assertArrayEquals(one.maps().toFloatArray(), batch.maps().get(b).toFloatArray(), 1e-6f, e.name());
        }
      }
      GradCam gradCam = new GradCam();
      gradCam.explain(model, images); // warm-up
      int modelArrays = model.model().getNDManager().getManagedArrays().size();
      int callerArrays = m.getManagedArrays().size();
      for (int i = 0; i < 1000; i++) {
        try (NDManager call = m.newSubManager()) {
          NDArray x = images.get("0:1");
          x.attach(call);
          gradCam.explain(model, x);
        }
      }
      assertEquals(modelArrays, model.model().getNDManager().getManagedArrays().size());
      assertEquals(callerArrays, m.getManagedArrays().size());
    }
  }

  @Test
  void explainingNeitherTouchesNorDetachesTheParametersGradients() {
    Engine.getInstance().setRandomSeed(9);
    try (Classifier model = Architectures.gapCnn(64, names(10), TestDevice.get()); NDManager m = TestDevice.manager()) {
      NDArray images = m.randomUniform(0, 1, new Shape(2, 1, 64, 64));
      NDArray w = model.linearClassWeights().orElseThrow();
      try (GradientCollector training = Engine.getInstance().newGradientCollector()) {
        training.backward(model.logits(images).sum()); // what a training step accumulates before the optimizer runs
      }
      float[] accumulated = w.getGradient().toFloatArray();
      for (Explainer e : new Explainer[] {new GradCam(), new GradCamPlusPlus(), new GradCam(Score.PROBABILITY)}) {
        e.explain(model, images);
        assertArrayEquals(accumulated, w.getGradient().toFloatArray(), 0f, e.name() + " added into the Linear weight's gradient");
        assertTrue(w.hasGradient(), e.name() + " left the Linear weight without a gradient: training would stop updating it");
      }
      Classifier early = model.splitAt("conv3"); // the head now holds conv4's weights too
      List<NDArray> headParameters = early.headBlock().getParameters().values().stream().map(p -> p.getArray())
          .filter(NDArray::hasGradient).toList(); // not the batch norms' running statistics
      assertTrue(headParameters.size() > 1, "conv4's weights are in the head");
      List<float[]> before = headParameters.stream().map(p -> p.getGradient().toFloatArray()).toList();
      new GradCam().explain(early, images);
      for (int i = 0; i < headParameters.size(); i++) {
        assertArrayEquals(before.get(i), headParameters.get(i).getGradient().toFloatArray(), 0f, "parameter " + i + " of the head");
      }
    }
  }
}
