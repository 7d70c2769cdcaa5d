package camlab.evaluate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import camlab.TestDevice;
import camlab.data.LocalizationSet;
import camlab.evaluate.faithfulness.ClassScorer;
import camlab.evaluate.faithfulness.FaithfulnessMetrics;
import camlab.evaluate.localization.LocalizationMetrics;
import camlab.explain.ActivationMaps;
import camlab.explain.Explainer;
import camlab.explain.Targets;
import camlab.model.Classifier;
import camlab.model.GlobalAveragePooling;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The whole evaluation on a small untrained (but seeded) model and a few real canvases. */
@Tag(TestDevice.ENGINE)
class EvaluationTest {
  /** A CAM-family method, a gradient method, one the GAP-CNN cannot support, and the baselines. */
  private static final List<MapMethod> METHODS = Methods.named(List.of("cam", "gradcam", "conv1x1", "center-gaussian", "image-intensity"));
  private static final Evaluation.Settings QUICK = Evaluation.Settings.DEFAULT.withSteps(4).withBatchSize(4);
  private static Classifier model;
  private static LocalizationSet val;
  private static LocalizationSet test;
  private static EvaluationReport report;

  @BeforeAll
  static void setUp() {
    Engine.getInstance().setRandomSeed(5);
    model = tinyGapNetwork();
    val = LocalizationSet.of(LocalizationSet.Split.VAL, LocalizationSet.Settings.DEFAULT, 8);
    test = LocalizationSet.of(LocalizationSet.Split.TEST, LocalizationSet.Settings.DEFAULT, 8);
    report = Evaluation.run(model, METHODS, val, test, QUICK);
  }

  @AfterAll
  static void tearDown() {
    model.close();
  }

  @Test
  void twoRunsGiveIdenticalNumbers() {
    EvaluationReport first = report;
    EvaluationReport second = Evaluation.run(model, METHODS, val, test, QUICK);
    assertEquals(withoutSeconds(first.toJson()), withoutSeconds(second.toJson()));
    assertEquals(List.of("cam", "gradcam", "conv1x1", "center-gaussian", "image-intensity"),
        first.rows().stream().map(Evaluation.MethodResult::method).toList());
    assertTrue(first.row("conv1x1").skipped().contains("1x1-conv maps need"), first.row("conv1x1").skipped());
    String markdown = first.toMarkdown();
    assertTrue(markdown.contains("| cam |") && markdown.contains("| center-gaussian (baseline) |"), markdown);
  }

  @Test
  void baselinesMatchAnIndependentComputationFromTheSamples() {
    int centreHits = 0;
    int brightestHits = 0;
    for (int i = 0; i < test.size(); i++) {
      LocalizationSet.Sample s = test.get(i);
      if (s.box().contains(31, 31)) centreHits++; // the Gaussian's first maximum on a 64×64 grid
      int brightest = 0;
      for (int p = 1; p < s.image().length; p++) if (s.image()[p] > s.image()[brightest]) brightest = p;
      if (s.box().contains(brightest % 64, brightest / 64)) brightestHits++;
    }
    assertEquals(100.0 * centreHits / test.size(), report.row("center-gaussian").localization().pointingGame(), 1e-9);
    assertEquals(100.0 * brightestHits / test.size(), report.row("image-intensity").localization().pointingGame(), 1e-9);
    for (Evaluation.MethodResult r : report.rows()) {
      if (r.skipped() != null) continue;
      LocalizationMetrics.Result loc = r.localization();
      assertTrue(loc.top1Loc() <= Math.min(loc.gtKnownLoc(), loc.classificationAccuracy()) + 1e-9, r.toString());
      assertTrue(loc.gtKnownLoc() <= 100 && loc.maxBoxAcc() >= 0 && loc.pxAP() > 0 && loc.pxAP() <= 100, r.toString());
      assertTrue(r.faithfulness().deletionAuc() >= 0 && r.faithfulness().insertionAuc() <= 1, r.toString());
      assertEquals(test.size(), loc.images());
      assertEquals(test.size(), r.faithfulness().images());
    }
  }

  @Test
  void theOperatingThresholdComesFromTheValidationSplit() {
    MapMethod gaussian = Baselines.centerGaussian();
    Evaluation.MethodResult result = report.row(gaussian.name());
    LocalizationMetrics onVal = new LocalizationMetrics();
    LocalizationMetrics onTest = new LocalizationMetrics();
    try (NDManager m = TestDevice.manager()) {
      float[][] valMaps = gaussian.scoreMaps(model, val.batch(m, 0, val.size()).get(0), new int[val.size()]);
      for (int i = 0; i < val.size(); i++) onVal.add(valMaps[i], -1, val.get(i));
      float[][] testMaps = gaussian.scoreMaps(model, test.batch(m, 0, test.size()).get(0), new int[test.size()]);
      for (int i = 0; i < test.size(); i++) onTest.add(testMaps[i], -1, test.get(i));
    }
    double tau = onVal.operatingThreshold();
    assertEquals(tau, result.localization().operatingThreshold(), 0);
    assertEquals(onTest.result(tau).gtKnownLoc(), result.localization().gtKnownLoc(), 1e-9);
    assertEquals(onTest.result(tau).maxBoxAccV2(), result.localization().maxBoxAccV2(), 1e-9);
  }

  @Test
  void localizationUsesTheGroundTruthClassAndFaithfulnessTheTopOne() {
    List<int[]> requested = new ArrayList<>();
    MapMethod recording = new MapMethod() {
      @Override
      public String name() {
        return "recording";
      }

      @Override
      public boolean isBaseline() {
        return true;
      }

      @Override
      public float[][] scoreMaps(Classifier m, NDArray images, int[] classes) {
        requested.add(classes.clone());
        return classDependentMaps(classes);
      }
    };
    LocalizationSet few = LocalizationSet.of(LocalizationSet.Split.TEST, LocalizationSet.Settings.DEFAULT, 4);
    int[] labels = java.util.stream.IntStream.range(0, 4).map(i -> few.get(i).label()).toArray();
    int[] predicted;
    try (NDManager m = TestDevice.manager()) {
      predicted = Arrays.stream(model.logits(few.batch(m, 0, 4).get(0)).argMax(1).toLongArray()).mapToInt(Math::toIntExact).toArray();
    }
    EvaluationReport run = Evaluation.run(model, List.of(recording), few, few, QUICK); // one batch each: validation, then test
    assertArrayEquals(labels, requested.get(0)); // validation: ground truth
    assertArrayEquals(labels, requested.get(1)); // test, localization: ground truth
    if (Arrays.equals(labels, predicted)) {
      assertEquals(2, requested.size()); // the same maps serve both
    } else {
      assertArrayEquals(predicted, requested.get(2)); // test, faithfulness: the top-1 class
    }
    // and the faithfulness numbers are those of the top-1 class's maps
    FaithfulnessMetrics expected = new FaithfulnessMetrics(ClassScorer.softmaxProbability(model, QUICK.scorerBatch()), QUICK.steps(), QUICK.blurSigma());
    float[][] pixels = java.util.stream.IntStream.range(0, 4).mapToObj(i -> few.get(i).image()).toArray(float[][]::new);
    double[] top = new double[4];
    try (NDManager m = TestDevice.manager()) {
      float[] probabilities = model.logits(few.batch(m, 0, 4).get(0)).softmax(1).toFloatArray();
      for (int i = 0; i < 4; i++) top[i] = probabilities[i * model.numClasses() + predicted[i]];
    }
    expected.add(pixels, classDependentMaps(predicted), predicted, top);
    assertEquals(expected.result(), run.row("recording").faithfulness());
  }

  /** Maps whose pixel order depends on the class, so maps of different classes delete pixels in different orders. */
  private static float[][] classDependentMaps(int[] classes) {
    float[][] maps = new float[classes.length][64 * 64];
    for (int b = 0; b < classes.length; b++) {
      for (int p = 0; p < 64 * 64; p++) maps[b][p] = ((p * 31 + classes[b] * 977) % 4096) / 4095f;
    }
    return maps;
  }

  @Test
  void aMethodTheModelCannotSupportIsReportedAsSkipped() {
    Explainer unsupported = new Explainer() {
      @Override
      public String name() {
        return "needs-another-head";
      }

      @Override
      public ActivationMaps explain(Classifier m, NDArray images, Targets targets) {
        throw new UnsupportedOperationException("this head is not supported");
      }
    };
    List<MapMethod> methods = new ArrayList<>(List.of(MapMethod.of(unsupported), Baselines.centerGaussian()));
    LocalizationSet few = LocalizationSet.of(LocalizationSet.Split.TEST, LocalizationSet.Settings.DEFAULT, 3);
    EvaluationReport withSkip = Evaluation.run(model, methods, few, few, QUICK);
    assertEquals("this head is not supported", withSkip.row("needs-another-head").skipped());
    assertNull(withSkip.row("needs-another-head").localization());
    assertNotNull(withSkip.row("center-gaussian").localization());
    assertTrue(withSkip.toMarkdown().contains("Skipped **needs-another-head**"));
  }

  @Test
  void nanMapsStopTheEvaluationWithAClearMessage() {
    MapMethod broken = new MapMethod() {
      @Override
      public String name() {
        return "broken";
      }

      @Override
      public boolean isBaseline() {
        return false;
      }

      @Override
      public float[][] scoreMaps(Classifier m, NDArray images, int[] classes) {
        float[][] maps = new float[classes.length][64 * 64];
        maps[0][100] = Float.NaN;
        return maps;
      }
    };
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Evaluation.evaluate(model, broken, val, test, QUICK));
    assertTrue(e.getMessage().contains("NaN at pixel 100"), e.getMessage());
  }

  @Test
  void everyRegisteredExplainerIsEvaluatedThenTheBaselines() {
    List<String> expected = new ArrayList<>(camlab.explain.Explainers.names());
    expected.addAll(List.of("center-gaussian", "image-intensity"));
    assertEquals(expected, Methods.all().stream().map(MapMethod::name).toList());
  }

  @Test
  void unknownMethodNamesAreRejected() {
    assertEquals("image-intensity", Methods.named(List.of(" Image-Intensity ")).get(0).name());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Methods.named(List.of("no-such-method")));
    assertTrue(e.getMessage().contains("cam"), e.getMessage());
    assertFalse(Methods.explainers().isEmpty());
  }

  /**
   * A small untrained CAM network for 64×64 canvases (one strided conv, GAP, Linear): the metrics do not care how
   * good the model is, and it keeps this class fast.
   */
  static Classifier tinyGapNetwork() {
    SequentialBlock features = new SequentialBlock()
        .add(Conv2d.builder().setKernelShape(new Shape(4, 4)).optStride(new Shape(4, 4)).setFilters(8).build())
        .add(Activation.reluBlock());
    SequentialBlock head = new SequentialBlock().add(new GlobalAveragePooling()).add(Linear.builder().setUnits(10).optBias(false).build());
    return Classifier.create("tiny-gap", features, head, new Shape(1, 64, 64), LocalizationSet.classNames(), TestDevice.get());
  }

  private static String withoutSeconds(String json) {
    JsonObject root = JsonParser.parseString(json).getAsJsonObject();
    root.getAsJsonArray("rows").forEach(r -> r.getAsJsonObject().remove("seconds"));
    return root.toString();
  }
}
