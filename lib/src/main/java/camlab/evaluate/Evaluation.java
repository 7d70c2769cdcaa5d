package camlab.evaluate;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import camlab.data.LocalizationSet;
import camlab.explain.Explainer;
import camlab.model.Classifier;
import camlab.util.Progress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs every metric of this package for a list of methods on a model: the operating threshold on the validation
 * split, then localization and faithfulness on the test split, batch by batch (memory stays flat).
 *
 * <pre>{@code
 * EvaluationReport report = Evaluation.run(model, Methods.all(), val, test, Evaluation.Settings.DEFAULT);
 * System.out.println(report.table().print());
 * }</pre>
 *
 * For each method and batch: the maps of the ground-truth classes feed {@link LocalizationMetrics}; the maps of the
 * model's top-1 classes feed {@link FaithfulnessMetrics}. Everything is deterministic: same model, same splits,
 * same settings → same numbers.
 */
public final class Evaluation {
  /**
   * How the evaluation runs.
   *
   * @param batchSize test images explained per batch
   * @param steps deletion/insertion steps n
   * @param blurSigma the insertion blur's σ in pixels
   * @param scorerBatch images per forward pass when scoring perturbed images
   * @param sanityImages test images for the randomization sanity check (0: skip it)
   * @param seed seeds the sanity check's re-initialisation
   */
  public record Settings(int batchSize, int steps, double blurSigma, int scorerBatch, int sanityImages, long seed) {
    public static final Settings DEFAULT = new Settings(50, CausalMetric.DEFAULT_STEPS, GaussianBlur.RISE_SIGMA_AT_64, 512, 0, 2026);

    public Settings {
      if (batchSize < 1 || steps < 1 || scorerBatch < 1 || sanityImages < 0 || !(blurSigma > 0)) {
        throw new IllegalArgumentException("Invalid evaluation settings " + this
            + ": batch sizes and steps must be ≥ 1, sanityImages ≥ 0 and blurSigma > 0.");
      }
    }

    public Settings withSteps(int newSteps) {
      return new Settings(batchSize, newSteps, blurSigma, scorerBatch, sanityImages, seed);
    }

    public Settings withSanityImages(int images) {
      return new Settings(batchSize, steps, blurSigma, scorerBatch, images, seed);
    }

    public Settings withBatchSize(int newBatchSize) {
      return new Settings(newBatchSize, steps, blurSigma, scorerBatch, sanityImages, seed);
    }
  }

  /**
   * One method's row.
   *
   * @param skipped why the method could not run on this model (then the results are null), else null
   * @param sanity the cascading randomization steps, empty when not run or for baselines
   */
  public record MethodResult(String method, boolean baseline, LocalizationMetrics.Result localization,
      FaithfulnessMetrics.Result faithfulness, double seconds, String skipped, List<SanityCheck.Step> sanity) {}

  private Evaluation() {}

  /** Every method on {@code model}; a method the model cannot support (e.g. CAM without a GAP head) is reported as skipped. */
  public static EvaluationReport run(Classifier model, List<MapMethod> methods, LocalizationSet val, LocalizationSet test, Settings settings) {
    List<MethodResult> rows = new ArrayList<>();
    for (MapMethod method : methods) {
      try {
        rows.add(evaluate(model, method, val, test, settings));
      } catch (UnsupportedOperationException e) {
        rows.add(new MethodResult(method.name(), method.isBaseline(), null, null, 0, e.getMessage(), List.of()));
      }
    }
    return new EvaluationReport(model.architecture(), val.size(), test.size(), settings, rows);
  }

  /** One method: τ* on {@code val}, then every metric on {@code test}. */
  public static MethodResult evaluate(Classifier model, MapMethod method, LocalizationSet val, LocalizationSet test, Settings settings) {
    long start = System.nanoTime();
    double tau;
    try (Progress progress = Progress.start(method.name() + ": choosing τ on the validation split", val.size())) {
      LocalizationMetrics validation = new LocalizationMetrics();
      forEachBatch(model, method, val, settings.batchSize(), false, (batch, gtMaps, topMaps) -> {
        for (int b = 0; b < batch.size(); b++) validation.add(gtMaps[b], batch.predicted[b], batch.samples.get(b));
        progress.update(validation.images(), "");
      });
      tau = validation.operatingThreshold();
    }
    LocalizationMetrics localization = new LocalizationMetrics();
    FaithfulnessMetrics faithfulness = new FaithfulnessMetrics(ClassScorer.softmaxProbability(model, settings.scorerBatch()),
        settings.steps(), settings.blurSigma());
    try (Progress progress = Progress.start(method.name() + ": test split", test.size())) {
      forEachBatch(model, method, test, settings.batchSize(), true, (batch, gtMaps, topMaps) -> {
        for (int b = 0; b < batch.size(); b++) localization.add(gtMaps[b], batch.predicted[b], batch.samples.get(b));
        faithfulness.add(batch.pixels, topMaps, batch.predicted, batch.topProbability);
        progress.update(localization.images(), String.format("MaxBoxAcc %.1f", MaxBoxAcc.of(localization.boxAccuracy()).value()));
      });
    }
    double seconds = (System.nanoTime() - start) / 1e9; // the sanity check is not part of the method's cost
    List<SanityCheck.Step> sanity = List.of();
    if (settings.sanityImages() > 0 && method.explainer().isPresent()) {
      sanity = sanity(model, method.explainer().get(), test, settings);
    }
    return new MethodResult(method.name(), method.isBaseline(), localization.result(tau), faithfulness.result(), seconds, null, sanity);
  }

  private static List<SanityCheck.Step> sanity(Classifier model, Explainer explainer, LocalizationSet test, Settings settings) {
    int n = Math.min(settings.sanityImages(), test.size());
    try (NDManager manager = NDManager.newBaseManager(model.device())) {
      Batch batch = Batch.load(manager, test, 0, n);
      return SanityCheck.cascadingRandomization(model, explainer, batch.images, settings.seed());
    }
  }

  /** What the metrics need of a batch of samples, on the host and on the device. */
  private static final class Batch {
    final List<LocalizationSet.Sample> samples;
    final float[][] pixels;
    final NDArray images;
    int[] labels;
    int[] predicted;
    double[] topProbability;

    private Batch(List<LocalizationSet.Sample> samples, float[][] pixels, NDArray images) {
      this.samples = samples;
      this.pixels = pixels;
      this.images = images;
    }

    int size() {
      return samples.size();
    }

    static Batch load(NDManager manager, LocalizationSet split, int from, int to) {
      List<LocalizationSet.Sample> samples = new ArrayList<>();
      for (int i = from; i < to; i++) samples.add(split.get(i));
      int n = split.canvasSize();
      float[][] pixels = new float[samples.size()][];
      float[] flat = new float[samples.size() * n * n];
      for (int b = 0; b < pixels.length; b++) {
        pixels[b] = samples.get(b).image();
        System.arraycopy(pixels[b], 0, flat, b * n * n, n * n);
      }
      return new Batch(samples, pixels, manager.create(flat, new Shape(samples.size(), 1, n, n)));
    }
  }

  private interface BatchConsumer {
    void accept(Batch batch, float[][] groundTruthMaps, float[][] topClassMaps);
  }

  private static void forEachBatch(Classifier model, MapMethod method, LocalizationSet split, int batchSize, boolean topClassMaps,
      BatchConsumer consumer) {
    try (NDManager manager = NDManager.newBaseManager(model.device())) {
      for (int from = 0; from < split.size(); from += batchSize) {
        try (NDManager scope = manager.newSubManager()) {
          Batch batch = Batch.load(scope, split, from, Math.min(split.size(), from + batchSize));
          float[] probabilities = model.logits(batch.images).softmax(1).toFloatArray();
          int classes = model.numClasses();
          batch.labels = batch.samples.stream().mapToInt(LocalizationSet.Sample::label).toArray();
          batch.predicted = new int[batch.size()];
          batch.topProbability = new double[batch.size()];
          for (int b = 0; b < batch.size(); b++) {
            int best = 0;
            for (int c = 1; c < classes; c++) {
              if (probabilities[b * classes + c] > probabilities[b * classes + best]) best = c;
            }
            batch.predicted[b] = best;
            batch.topProbability[b] = probabilities[b * classes + best];
          }
          float[][] gtMaps = method.scoreMaps(model, batch.images, batch.labels);
          float[][] topMaps = !topClassMaps ? null
              : Arrays.equals(batch.predicted, batch.labels) ? gtMaps : method.scoreMaps(model, batch.images, batch.predicted);
          consumer.accept(batch, gtMaps, topMaps);
        }
      }
    }
  }
}
