package camlab.evaluate.faithfulness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Deletion, insertion, Average Drop and Increase in Confidence with hand-written scorers. */
class FaithfulnessTest {
  /** score = mean pixel value of each image; the class is ignored. */
  private static final ClassScorer MEAN = (images, count, classes) -> {
    int pixels = images.length / count;
    double[] out = new double[count];
    for (int i = 0; i < count; i++) {
      for (int p = 0; p < pixels; p++) out[i] += images[i * pixels + p];
      out[i] /= pixels;
    }
    return out;
  };

  @Test
  void deletionCurveAndAucOfAKnownOrder() {
    float[] image = {0.4f, 0.3f, 0.2f, 0.1f};
    float[] saliency = {0.1f, 0.9f, 0.5f, 0.3f}; // order: pixel 1, 2, 3, 0
    double[] curve = CausalMetric.deletion(4).curves(new float[][] {image}, new float[][] {saliency}, new int[] {0}, MEAN)[0];
    assertArrayEquals(new double[] {0.25, 0.175, 0.125, 0.1, 0}, curve, 1e-7);
    assertEquals((0.65 - 0.25 / 2 - 0) / 4, CausalMetric.auc(curve), 1e-7);
    double[] twoSteps = CausalMetric.deletion(2).curves(new float[][] {image}, new float[][] {saliency}, new int[] {0}, MEAN)[0];
    assertArrayEquals(new double[] {0.25, 0.125, 0}, twoSteps, 1e-7);
    assertEquals(0.125, CausalMetric.auc(twoSteps), 1e-7);
  }

  @Test
  void trapezoidAucOfAKnownCurve() {
    assertEquals(0.5, CausalMetric.auc(new double[] {1, 0}), 0);
    assertEquals((1 + 0.5 + 0.25 - 0.5 - 0.125) / 2, CausalMetric.auc(new double[] {1, 0.5, 0.25}), 1e-12);
    assertThrows(IllegalArgumentException.class, () -> CausalMetric.auc(new double[] {1}));
  }

  @Test
  void aBetterOrderDeletesFaster() {
    float[] image = {0.9f, 0.1f, 0.8f, 0.2f};
    double good = CausalMetric.auc(CausalMetric.deletion(4).curves(new float[][] {image}, new float[][] {image}, new int[] {0}, MEAN)[0]);
    float[] reversed = {0.1f, 0.9f, 0.2f, 0.8f};
    double bad = CausalMetric.auc(CausalMetric.deletion(4).curves(new float[][] {image}, new float[][] {reversed}, new int[] {0}, MEAN)[0]);
    assertTrue(good < bad, good + " vs " + bad);
  }

  @Test
  void tiesAreDeletedInPixelOrder() {
    float[] image = {0.4f, 0.0f, 0.0f, 0.0f};
    double[] curve = CausalMetric.deletion(4).curves(new float[][] {image}, new float[][] {new float[4]}, new int[] {0}, MEAN)[0];
    assertArrayEquals(new double[] {0.1, 0, 0, 0, 0}, curve, 1e-7); // pixel 0 goes first
  }

  @Test
  void insertionStartsFromTheBlurAndRestoresTheImage() {
    // 3×3 image with a single bright centre; the scorer reads the centre; the map points at the centre first
    float[] image = new float[9];
    image[4] = 1;
    float[] saliency = new float[9];
    saliency[4] = 1;
    ClassScorer centre = (images, count, classes) -> {
      double[] out = new double[count];
      for (int i = 0; i < count; i++) out[i] = images[i * 9 + 4];
      return out;
    };
    double[] curve = CausalMetric.insertion(9, 1.0).curves(new float[][] {image}, new float[][] {saliency}, new int[] {0}, centre)[0];
    // σ = 1: kernel radius 3, centre weight k0 = 1/Σ_{i=-3..3} e^{-i²/2}; the blurred centre keeps k0² of the delta
    double k0 = 1 / (1 + 2 * (Math.exp(-0.5) + Math.exp(-2) + Math.exp(-4.5)));
    assertEquals(10, curve.length);
    assertEquals(k0 * k0, curve[0], 1e-6);
    for (int t = 1; t < 10; t++) assertEquals(1.0, curve[t], 0);
    assertEquals((k0 * k0 / 2 + 8 + 0.5) / 9, CausalMetric.auc(curve), 1e-6);
  }

  @Test
  void blurKeepsAConstantImageAndSpreadsADelta() {
    float[] flat = new float[25];
    java.util.Arrays.fill(flat, 0.3f);
    assertArrayEquals(flat, new GaussianBlur(GaussianBlur.RISE_SIGMA_AT_64).apply(flat, 5, 5), 1e-6f);
    float[] delta = new float[81];
    delta[40] = 1;
    float[] blurred = new GaussianBlur(1.0).apply(delta, 9, 9);
    double sum = 0;
    for (float v : blurred) sum += v;
    assertEquals(1.0, sum, 1e-6); // the kernel (radius 3) stays inside the 9×9 image
    assertEquals(blurred[39], blurred[41], 1e-7);
    assertEquals(5.0 * 64 / 224, GaussianBlur.RISE_SIGMA_AT_64, 1e-12);
  }

  @Test
  void allPerturbedImagesOfABatchGoToTheScorerInOneCall() {
    List<Integer> calls = new ArrayList<>();
    ClassScorer counting = (images, count, classes) -> {
      calls.add(count);
      return MEAN.score(images, count, classes);
    };
    float[][] images = {new float[16], new float[16], new float[16]};
    double[][] curves = CausalMetric.deletion(4).curves(images, images, new int[] {0, 1, 2}, counting);
    assertEquals(List.of(3 * 5), calls);
    assertEquals(3, curves.length);
  }

  @Test
  void nanSaliencyIsRejected() {
    float[][] images = {new float[4]};
    float[][] maps = {{0, Float.NaN, 0, 0}};
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CausalMetric.deletion(4).curves(images, maps, new int[] {0}, MEAN));
    assertTrue(e.getMessage().contains("NaN"), e.getMessage());
  }

  @Test
  void averageDropAndIncreaseInConfidenceGolden() {
    double[] y = {0.8, 0.5, 0.2};
    double[] o = {0.4, 0.6, 0.2};
    AverageDrop drop = new AverageDrop();
    IncreaseInConfidence increase = new IncreaseInConfidence();
    for (int i = 0; i < 3; i++) {
      drop.add(y[i], o[i]);
      increase.add(y[i], o[i]);
    }
    assertEquals(100 * (0.5 + 0 + 0) / 3, drop.value(), 1e-12); // (0.8 − 0.4)/0.8; a gain counts as no drop
    assertEquals(100.0 / 3, increase.value(), 1e-12); // only 0.5 < 0.6; equal scores are no increase
    assertArrayEquals(new float[] {0, 0.2f, 0.6f}, AverageDrop.explanationImage(new float[] {0, 0.5f, 1}, new float[] {0.2f, 0.4f, 0.6f}), 1e-7f);
    assertThrows(IllegalArgumentException.class, () -> drop.add(0, 0.1));
    assertThrows(IllegalStateException.class, () -> new AverageDrop().value());
  }

  @Test
  void faithfulnessMetricsCombineThePieces() {
    float[] image = {0.4f, 0.3f, 0.2f, 0.1f};
    float[] map = {0.0f, 1.0f, 0.5f, 0.25f};
    FaithfulnessMetrics metrics = new FaithfulnessMetrics(MEAN, 4, 1.0);
    metrics.add(new float[][] {image}, new float[][] {map}, new int[] {0}, new double[] {0.25});
    FaithfulnessMetrics.Result r = metrics.result();
    assertEquals(0.13125, r.deletionAuc(), 1e-7); // the deletion curve of deletionCurveAndAucOfAKnownOrder
    // E = map ⊙ image = (0, 0.3, 0.1, 0.025): mean 0.10625 < Y = 0.25 → drop (0.25 − 0.10625)/0.25 = 57.5 %
    assertEquals(57.5, r.averageDrop(), 1e-4);
    assertEquals(0.0, r.increaseInConfidence(), 0);
    assertEquals(1, r.images());
    assertTrue(r.insertionAuc() > 0 && r.insertionAuc() <= 0.25 + 1e-6);
  }
}
