package camlab.evaluate;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import camlab.data.LocalizationSet;
import camlab.evaluate.faithfulness.CausalMetric;
import camlab.evaluate.faithfulness.ClassScorer;
import camlab.evaluate.faithfulness.FaithfulnessMetrics;
import camlab.evaluate.faithfulness.GaussianBlur;
import camlab.evaluate.localization.LocalizationMetrics;
import camlab.evaluate.localization.MaxBoxAcc;
import camlab.evaluate.sanity.SanityCheck;
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
 * For each batch and method: the maps of the ground-truth classes feed {@link LocalizationMetrics}; the maps of the
 * model's top-1 classes feed {@link FaithfulnessMetrics}. A method's seconds are the time spent computing its maps
 * and its metrics (the perturbed images' forward passes included); generating the canvases and the model's own
 * predictions are shared and not counted. Everything is deterministic: same model, same splits, same settings →
 * same numbers.
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
   * @param faithfulnessImages the first this many test images get the faithfulness metrics (0: all of them); deletion
   *     and insertion cost 2·steps forward passes per image, localization almost nothing
   */
  public record Settings(int batchSize, int steps, double blurSigma, int scorerBatch, int sanityImages, long seed, int faithfulnessImages) {
    public static final Settings DEFAULT = new Settings(50, CausalMetric.DEFAULT_STEPS, GaussianBlur.RISE_SIGMA_AT_64, 512, 0, 2026, 0);

    public Settings {
      if (batchSize < 1 || steps < 1 || scorerBatch < 1 || sanityImages < 0 || faithfulnessImages < 0 || !(blurSigma > 0)) {
        throw new IllegalArgumentException("Invalid evaluation settings " + this
            + ": batch sizes and steps must be ≥ 1, sanityImages and faithfulnessImages ≥ 0 and blurSigma > 0.");
      }
    }

    public Settings withSteps(int newSteps) {
      return new Settings(batchSize, newSteps, blurSigma, scorerBatch, sanityImages, seed, faithfulnessImages);
    }

    public Settings withSanityImages(int images) {
      return new Settings(batchSize, steps, blurSigma, scorerBatch, images, seed, faithfulnessImages);
    }

    public Settings withBatchSize(int newBatchSize) {
      return new Settings(newBatchSize, steps, blurSigma, scorerBatch, sanityImages, seed, faithfulnessImages);
    }

    public Settings withFaithfulnessImages(int images) {
      return new Settings(batchSize, steps, blurSigma, scorerBatch, sanityImages, seed, images);
    }

    /** Whether test image {@code index} gets the faithfulness metrics. */
    boolean measuresFaithfulness(int index) {
      return faithfulnessImages == 0 || index < faithfulnessImages;
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

  /**
   * Every method on {@code model}. Each batch of samples is generated once and passed to every method; a method the
   * model cannot support (its explainer throws {@link UnsupportedOperationException}, e.g. CAM without a GAP head) is
   * reported as skipped.
   */
  public static EvaluationReport run(Classifier model, List<MapMethod> methods, LocalizationSet val, LocalizationSet test, Settings settings) {
    List<Run> runs = methods.stream().map(m -> new Run(m, model, settings)).toList();
    String names = methods.size() <= 3 ? String.join(", ", methods.stream().map(MapMethod::name).toList()) : methods.size() + " methods";
    validateAll(model, runs, val, settings, "validation split, choosing τ* (" + names + ")");
    try (Progress progress = Progress.start("test split (" + names + ")", test.size())) {
      forEachBatch(model, test, settings.batchSize(), batch -> {
        for (Run run : runs) run.test(model, batch);
        progress.update(batch.end, runs.get(0).status());
      });
    }
    List<MethodResult> rows = new ArrayList<>();
    for (Run run : runs) {
      List<SanityCheck.Step> sanity = List.of();
      if (run.skipped == null && settings.sanityImages() > 0 && run.method.explainer().isPresent()) {
        sanity = sanity(model, run.method.explainer().get(), test, settings);
      }
      rows.add(run.result(sanity));
    }
    return new EvaluationReport(model.architecture(), val.size(), test.size(), settings, rows);
  }

  /**
   * Localization on the validation split only, each method's GT-known metrics at its own τ*: for choosing a method's
   * settings (e.g. ACoL's erasing threshold) without looking at the test split.
   */
  public static List<LocalizationMetrics.Result> validate(Classifier model, List<MapMethod> methods, LocalizationSet val, Settings settings) {
    List<Run> runs = methods.stream().map(m -> new Run(m, model, settings)).toList();
    validateAll(model, runs, val, settings, "validation split (" + methods.size() + " settings)");
    return runs.stream().map(run -> {
      if (run.skipped != null) throw new UnsupportedOperationException(run.skipped);
      return run.validation.result(run.validation.operatingThreshold());
    }).toList();
  }

  /** The validation pass every run needs before its τ* (and any setting) can be chosen. */
  private static void validateAll(Classifier model, List<Run> runs, LocalizationSet val, Settings settings, String label) {
    try (Progress progress = Progress.start(label, val.size())) {
      forEachBatch(model, val, settings.batchSize(), batch -> {
        for (Run run : runs) run.validate(model, batch);
        progress.update(batch.end, "");
      });
    }
  }

  /** One method: τ* on {@code val}, then every metric on {@code test}. */
  public static MethodResult evaluate(Classifier model, MapMethod method, LocalizationSet val, LocalizationSet test, Settings settings) {
    return run(model, List.of(method), val, test, settings).rows().get(0);
  }

  /** One method's accumulators and its running time. */
  private static final class Run {
    final MapMethod method;
    final LocalizationMetrics validation = new LocalizationMetrics();
    final LocalizationMetrics localization = new LocalizationMetrics();
    final FaithfulnessMetrics faithfulness;
    final Settings settings;
    double tau = Double.NaN;
    long nanos;
    String skipped;

    Run(MapMethod method, Classifier model, Settings settings) {
      this.method = method;
      this.settings = settings;
      this.faithfulness = new FaithfulnessMetrics(ClassScorer.softmaxProbability(model, settings.scorerBatch()), settings.steps(), settings.blurSigma());
    }

    void validate(Classifier model, Batch batch) {
      timed(() -> {
        float[][] maps = method.scoreMaps(model, batch.images, batch.labels);
        for (int b = 0; b < batch.size(); b++) validation.add(maps[b], batch.predicted[b], batch.samples.get(b));
      });
    }

    void test(Classifier model, Batch batch) {
      timed(() -> {
        if (Double.isNaN(tau)) tau = validation.operatingThreshold();
        float[][] groundTruthMaps = method.scoreMaps(model, batch.images, batch.labels);
        for (int b = 0; b < batch.size(); b++) localization.add(groundTruthMaps[b], batch.predicted[b], batch.samples.get(b));
        if (!settings.measuresFaithfulness(batch.start())) return;
        float[][] topClassMaps = Arrays.equals(batch.predicted, batch.labels) ? groundTruthMaps
            : method.scoreMaps(model, batch.images, batch.predicted);
        int measured = settings.faithfulnessImages() == 0 ? batch.size() : Math.min(batch.size(), settings.faithfulnessImages() - batch.start());
        faithfulness.add(Arrays.copyOf(batch.pixels, measured), Arrays.copyOf(topClassMaps, measured), Arrays.copyOf(batch.predicted, measured),
            Arrays.copyOf(batch.topProbability, measured));
      });
    }

    private void timed(Runnable work) {
      if (skipped != null) return;
      long start = System.nanoTime();
      try {
        work.run();
      } catch (UnsupportedOperationException e) {
        skipped = e.getMessage() == null ? e.toString() : e.getMessage();
      }
      nanos += System.nanoTime() - start;
    }

    String status() {
      return skipped != null || localization.images() == 0 ? ""
          : String.format("%s MaxBoxAcc %.1f", method.name(), MaxBoxAcc.of(localization.boxAccuracy()).value());
    }

    MethodResult result(List<SanityCheck.Step> sanity) {
      if (skipped != null) return new MethodResult(method.name(), method.isBaseline(), null, null, 0, skipped, List.of());
      return new MethodResult(method.name(), method.isBaseline(), localization.result(tau), faithfulness.result(), nanos / 1e9, null, sanity);
    }
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
    final int end;
    int[] labels;
    int[] predicted;
    double[] topProbability;

    private Batch(List<LocalizationSet.Sample> samples, float[][] pixels, NDArray images, int end) {
      this.samples = samples;
      this.pixels = pixels;
      this.images = images;
      this.end = end;
    }

    int size() {
      return samples.size();
    }

    /** Index of the batch's first sample in its split. */
    int start() {
      return end - samples.size();
    }

    /** Samples {@code from..to-1}, with the images on the manager's device. */
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
      Batch batch = new Batch(samples, pixels, manager.create(flat, new Shape(samples.size(), 1, n, n)), to);
      batch.labels = samples.stream().mapToInt(LocalizationSet.Sample::label).toArray();
      return batch;
    }

    /** The model's top-1 class and its softmax probability for every image. */
    void predict(Classifier model) {
      float[] probabilities = model.logits(images).softmax(1).toFloatArray();
      int classes = model.numClasses();
      predicted = new int[size()];
      topProbability = new double[size()];
      for (int b = 0; b < size(); b++) {
        int best = 0;
        for (int c = 1; c < classes; c++) {
          if (probabilities[b * classes + c] > probabilities[b * classes + best]) best = c;
        }
        predicted[b] = best;
        topProbability[b] = probabilities[b * classes + best];
      }
    }
  }

  /** Loads the split batch by batch (each batch in its own manager, closed after use) with the model's predictions. */
  private static void forEachBatch(Classifier model, LocalizationSet split, int batchSize, java.util.function.Consumer<Batch> consumer) {
    try (NDManager manager = NDManager.newBaseManager(model.device())) {
      for (int from = 0; from < split.size(); from += batchSize) {
        try (NDManager scope = manager.newSubManager()) {
          Batch batch = Batch.load(scope, split, from, Math.min(split.size(), from + batchSize));
          batch.predict(model);
          consumer.accept(batch);
        }
      }
    }
  }
}
