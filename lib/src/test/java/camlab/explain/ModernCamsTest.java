package camlab.explain;

import static camlab.explain.CamTest.identityFeaturesWithWeights;
import static camlab.explain.CamTest.names;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import camlab.TestDevice;
import camlab.model.Architectures;
import camlab.model.Classifier;
import camlab.ops.MapOps;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * LayerCAM, XGrad-CAM, HiResCAM, Ablation-CAM, Score-CAM and Eigen-CAM: golden values on the hand-set GAP network of
 * {@link CamTest} (identity features, W = [[1, −1], [0.5, 2]], A: channel 0 = [[1,2],[3,4]], channel 1 = [[0,1],[0,1]];
 * logits (2, 2.25)), the relations to CAM and Grad-CAM that a GAP + Linear head proves, and straightforward references.
 */
@Tag(TestDevice.ENGINE)
class ModernCamsTest {
  private static final float[] W = {1, -1, 0.5f, 2};
  private static final float[] A = {1, 2, 3, 4, 0, 1, 0, 1};

  private static float[] maps(Explainer method, int target) {
    try (Classifier model = identityFeaturesWithWeights(W, 2, 2, 2); NDManager m = TestDevice.manager()) {
      return method.explain(model, m.create(A, new Shape(1, 2, 2, 2)), Targets.allFor(target)).maps().toFloatArray();
    }
  }

  @Test
  void gradientCamsOnTheHandSetNetwork() {
    // g = W_c / 4 at every position: class 0 → (0.25, −0.25), class 1 → (0.125, 0.5)
    assertArrayEquals(new float[] {0.125f, 0.75f, 0.375f, 1f}, maps(new HiResCam(), 1), 1e-6f); // 0.125·A0 + 0.5·A1
    assertArrayEquals(new float[] {0.25f, 0.25f, 0.75f, 0.75f}, maps(new HiResCam(), 0), 1e-6f); // 0.25·A0 − 0.25·A1
    assertArrayEquals(new float[] {0.25f, 0.5f, 0.75f, 1f}, maps(new LayerCam(), 0), 1e-6f); // ReLU(g) = (0.25, 0): 0.25·A0
    // XGrad-CAM: α_k = g_k · ΣA_k / (ΣA_k + 1e-7), ΣA = (10, 2)
    double a0 = 0.25 * 10 / (10 + 1e-7);
    double a1 = -0.25 * 2 / (2 + 1e-7);
    float[] expected = new float[4];
    for (int p = 0; p < 4; p++) expected[p] = (float) Math.max(0, a0 * A[p] + a1 * A[4 + p]);
    assertArrayEquals(expected, maps(new XGradCam(), 0), 1e-7f);
  }

  @Test
  void onAGapLinearHeadHiResCamAndXGradCamAreGradCamAndLayerCamIsTheCamOfThePositiveWeights() {
    Engine.getInstance().setRandomSeed(21);
    try (Classifier model = Architectures.gapCnn(64, names(10), TestDevice.get()); NDManager m = TestDevice.manager()) {
      NDArray images = m.randomUniform(0, 1, new Shape(5, 1, 64, 64));
      Targets targets = Targets.perImage(0, 3, 3, 9, 5);
      float[] gradCam = new GradCam().explain(model, images, targets).maps().toFloatArray();
      float scale = new GradCam().explain(model, images, targets).maps().max().getFloat();
      assertArrayEquals(gradCam, new HiResCam().explain(model, images, targets).maps().toFloatArray(), 1e-5f * scale);
      assertArrayEquals(gradCam, new XGradCam().explain(model, images, targets).maps().toFloatArray(), 1e-5f * scale);
      // LayerCAM = Σ_k ReLU(w_k^c) A_k / Z (A ≥ 0 after the last ReLU)
      NDArray a = model.features(images);
      NDArray w = model.linearClassWeights().orElseThrow().maximum(0f);
      float[] expected = Cam.classActivationMaps(a, w, new int[] {0, 3, 3, 9, 5}).div(256f).toFloatArray();
      assertArrayEquals(expected, new LayerCam().explain(model, images, targets).maps().toFloatArray(), 1e-5f * scale);
    }
  }

  @Test
  void ablationCamOnTheHandSetNetworkAndOnAGapHeadIsCamWeightedByEachChannelsShare() {
    // GAP + Linear, no bias: y − y[A_k := 0] = w_k · mean(A_k); class 1: y = 2.25, means (2.5, 0.5) → α = (1.25, 1) / 2.25
    float[] expected = new float[4];
    for (int p = 0; p < 4; p++) expected[p] = (float) ((1.25 * A[p] + 1.0 * A[4 + p]) / 2.25);
    assertArrayEquals(expected, maps(new AblationCam(), 1), 1e-6f);
    Engine.getInstance().setRandomSeed(8);
    try (Classifier model = Architectures.gapCnn(64, names(10), TestDevice.get()); NDManager m = TestDevice.manager()) {
      NDArray images = m.randomUniform(0, 1, new Shape(3, 1, 64, 64)); // 3·128 ablated copies: two passes of the head
      int[] classes = {2, 7, 4};
      NDArray a = model.features(images);
      NDArray logits = model.head(a);
      NDArray w = model.linearClassWeights().orElseThrow();
      float[] y = logits.toFloatArray();
      float[] means = a.mean(new int[] {3}).mean(new int[] {2}).toFloatArray();
      float[] weights = w.toFloatArray();
      float[] alpha = new float[3 * 128];
      for (int b = 0; b < 3; b++) {
        for (int k = 0; k < 128; k++) alpha[b * 128 + k] = weights[classes[b] * 128 + k] * means[b * 128 + k] / y[b * 10 + classes[b]];
      }
      float[] reference = MapOps.relu(FeaturePass.weightedSum(m.create(alpha, new Shape(3, 128)), a)).toFloatArray();
      float[] ours = new AblationCam().explain(model, images, Targets.perImage(classes)).maps().toFloatArray();
      assertArrayEquals(reference, ours, 1e-4f * m.create(reference).max().getFloat());
    }
  }

  @Test
  void ablationCamHeadPassesGiveTheClosedFormDropOnAGapHead() {
    Engine.getInstance().setRandomSeed(9);
    try (Classifier model = Architectures.gapCnn(64, names(10), TestDevice.get()); NDManager m = TestDevice.manager()) {
      NDArray a = model.features(m.randomUniform(0, 1, new Shape(3, 1, 64, 64))); // 3·128 copies: two passes of the head
      NDArray logits = model.head(a);
      NDArray oneHot = m.create(new int[] {2, 7, 4}).oneHot(10, logits.getDataType());
      NDArray score = logits.mul(oneHot).sum(new int[] {1}, true);
      float[] passes = AblationCam.dropByHeadPasses(model, a, oneHot, score, m).toFloatArray();
      float[] closed = AblationCam.dropOnGapLinearHead(model.linearClassWeights().orElseThrow(), a, oneHot).toFloatArray();
      float scale = m.create(closed).abs().max().getFloat();
      // float32 scores of magnitude |y| differ in their last bits: the passes' drop carries that rounding, the closed form not
      float rounding = 4 * Math.ulp(logits.abs().max().getFloat());
      assertArrayEquals(closed, passes, Math.max(rounding, 1e-5f * scale));
    }
  }

  @Test
  void ablationCamOnANinHeadMatchesOneAblatedCopyAtATime() {
    Engine.getInstance().setRandomSeed(10);
    try (Classifier model = Architectures.ninCnn(64, names(10), TestDevice.get()); NDManager m = TestDevice.manager()) {
      NDArray images = m.randomUniform(0, 1, new Shape(3, 1, 64, 64));
      int[] classes = {5, 0, 8};
      NDArray a = model.features(images);
      float[] y = model.head(a).toFloatArray();
      float[] alpha = new float[3 * 128];
      for (int b = 0; b < 3; b++) {
        for (int k = 0; k < 128; k++) {
          NDArray ablated = a.get(b).duplicate();
          ablated.set(new ai.djl.ndarray.index.NDIndex(k), 0f);
          float without = model.head(ablated.expandDims(0)).getFloat(0, classes[b]);
          alpha[b * 128 + k] = (y[b * 10 + classes[b]] - without) / y[b * 10 + classes[b]];
        }
      }
      float[] reference = MapOps.relu(FeaturePass.weightedSum(m.create(alpha, new Shape(3, 128)), a)).toFloatArray();
      float[] ours = new AblationCam().explain(model, images, Targets.perImage(classes)).maps().toFloatArray();
      assertArrayEquals(reference, ours, 1e-4f * m.create(reference).max().getFloat());
    }
  }

  @Test
  void scoreCamOnTheHandSetNetwork() {
    // the maps are already at the input's size: H0 = minmax(A0) = (0, 1/3, 2/3, 1), H1 = minmax(A1) = (0, 1, 0, 1);
    // class 1: y(x ⊙ H0) = 0.5·mean(0, 2/3, 2, 4) + 2·mean(0, 1/3, 0, 1) = 1.5, y(x ⊙ H1) = 0.5·1.5 + 2·0.5 = 1.75
    double e0 = Math.exp(1.5);
    double e1 = Math.exp(1.75);
    float[] expected = new float[4];
    for (int p = 0; p < 4; p++) expected[p] = (float) ((e0 * A[p] + e1 * A[4 + p]) / (e0 + e1));
    assertArrayEquals(expected, maps(new ScoreCam(), 1), 1e-6f);
    // a constant channel masks everything: s = y(0) = 0 for it
    try (Classifier model = identityFeaturesWithWeights(W, 2, 2, 2); NDManager m = TestDevice.manager()) {
      float[] constant = {1, 2, 3, 4, 5, 5, 5, 5};
      float[] ours = new ScoreCam().explain(model, m.create(constant, new Shape(1, 2, 2, 2)), Targets.allFor(0)).maps().toFloatArray();
      double s0 = 1 * (0 + 2 / 3.0 + 2 + 4) / 4 - 1 * (0 + 5 / 3.0 + 10 / 3.0 + 5) / 4; // x ⊙ H0
      double f0 = Math.exp(s0) / (Math.exp(s0) + 1);
      for (int p = 0; p < 4; p++) assertEquals(Math.max(0, f0 * constant[p] + (1 - f0) * 5), ours[p], 1e-5, "position " + p);
    }
  }

  @Test
  void scoreCamMatchesOneMaskedImageAtATime() {
    Engine.getInstance().setRandomSeed(13);
    try (Classifier model = Architectures.gapCnn(64, names(10), TestDevice.get()); NDManager m = TestDevice.manager()) {
      NDArray images = m.randomUniform(0, 1, new Shape(2, 1, 64, 64));
      int[] classes = {6, 1};
      NDArray a = model.features(images);
      float[] alpha = new float[2 * 128];
      for (int b = 0; b < 2; b++) {
        NDArray masks = MapOps.minMaxNormalize(MapOps.upsampleBilinear(a.get(b), 64, 64));
        for (int k = 0; k < 128; k++) {
          NDArray masked = images.get(b).mul(masks.get(k)).expandDims(0);
          alpha[b * 128 + k] = model.logits(masked).getFloat(0, classes[b]);
        }
      }
      NDArray weights = m.create(alpha, new Shape(2, 128)).softmax(1);
      float[] reference = MapOps.relu(FeaturePass.weightedSum(weights, a)).toFloatArray();
      float[] ours = new ScoreCam().explain(model, images, Targets.perImage(classes)).maps().toFloatArray();
      assertArrayEquals(reference, ours, 1e-4f * m.create(reference).max().getFloat());
    }
  }

  @Test
  void eigenCamOfRankOneActivationsIsTheCentredPatternSignedLikeTheActivations() {
    // A_k = c_k · f + b_k: centred, M = (f − mean f) cᵀ, so p = ±‖c‖ (f − mean f); Σ_k A_k grows with f when Σc > 0.
    // f = (1, 2, 3, 6): f − mean f = (−2, −1, 0, 3); ‖c‖ = 5 → ReLU: (0, 0, 0, 15)
    float[] f = {1, 2, 3, 6};
    for (float[] c : new float[][] {{3, 4}, {1, 2, 2, 0, 4}, {-3, 4}}) { // K ≤ h·w, K > h·w, and a channel against the pattern
      int k = c.length;
      float[] a = new float[k * 4];
      for (int ch = 0; ch < k; ch++) for (int p = 0; p < 4; p++) a[ch * 4 + p] = c[ch] * f[p] + ch;
      double norm = 0;
      double sum = 0;
      for (float v : c) {
        norm += v * v;
        sum += v;
      }
      double sign = Math.signum(sum);
      float[] expected = new float[4];
      for (int p = 0; p < 4; p++) expected[p] = (float) Math.max(0, sign * Math.sqrt(norm) * (f[p] - 3));
      try (Classifier model = identityFeaturesWithWeights(new float[2 * k], 2, k, 2); NDManager m = TestDevice.manager()) {
        float[] ours = new EigenCam().explain(model, m.create(a, new Shape(1, k, 2, 2))).maps().toFloatArray();
        assertArrayEquals(expected, ours, 1e-5f, "c = " + java.util.Arrays.toString(c));
      }
    }
  }

  @Test
  void eigenCamMatchesPowerIterationOnRandomActivations() {
    java.util.Random random = new java.util.Random(4);
    for (int[] size : new int[][] {{6, 3, 3}, {20, 2, 3}}) { // K ≤ h·w and K > h·w
      int k = size[0];
      int positions = size[1] * size[2];
      float[] a = new float[k * positions];
      for (int i = 0; i < a.length; i++) a[i] = (float) random.nextGaussian();
      double[][] m = new double[positions][k];
      for (int ch = 0; ch < k; ch++) {
        double mean = 0;
        for (int p = 0; p < positions; p++) mean += a[ch * positions + p] / positions;
        for (int p = 0; p < positions; p++) m[p][ch] = a[ch * positions + p] - mean;
      }
      double[] v = new double[k];
      java.util.Arrays.fill(v, 1);
      for (int it = 0; it < 5000; it++) { // v ← MᵀM v / ‖·‖
        double[] mv = new double[positions];
        for (int p = 0; p < positions; p++) for (int ch = 0; ch < k; ch++) mv[p] += m[p][ch] * v[ch];
        double[] next = new double[k];
        for (int p = 0; p < positions; p++) for (int ch = 0; ch < k; ch++) next[ch] += m[p][ch] * mv[p];
        double norm = 0;
        for (double x : next) norm += x * x;
        for (int ch = 0; ch < k; ch++) v[ch] = next[ch] / Math.sqrt(norm);
      }
      double[] p = EigenCam.projection(a, 0, k, positions);
      double[] q = new double[positions];
      for (int i = 0; i < positions; i++) for (int ch = 0; ch < k; ch++) q[i] += m[i][ch] * v[ch];
      double dot = 0;
      for (int i = 0; i < positions; i++) dot += p[i] * q[i];
      for (int i = 0; i < positions; i++) assertEquals(Math.signum(dot) * q[i], p[i], 1e-6, "K " + k + " position " + i);
    }
  }
}
