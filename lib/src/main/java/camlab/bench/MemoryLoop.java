package camlab.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import camlab.explain.ActivationMaps;
import camlab.explain.Explainer;
import camlab.model.Classifier;
import camlab.util.MemoryProbe;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Many explain calls in a loop — the methods in turn, each call's images, maps and temporaries in a
 * manager closed right after — with the resident set size sampled every {@code every} calls once the
 * warm-up is over. A leak shows as drift: {@code drift = (last − first) / first} over the sampled curve.
 * The model's own manager must hold the same number of arrays at the end as after the warm-up (a
 * gradient method allocates the parameters' gradients once, on its first call).
 */
public final class MemoryLoop {
  private MemoryLoop() {}

  /**
   * @param calls explain calls after the warm-up
   * @param warmup untimed, unsampled calls first
   * @param samples how many RSS samples to take over {@code calls}
   */
  public static Map<String, Object> run(Classifier model, List<Explainer> methods, int batch, int calls, int warmup, int samples) {
    if (calls < 1) throw new IllegalArgumentException("--memory needs a number of calls ≥ 1; got " + calls + ".");
    int every = Math.max(1, calls / Math.max(1, samples));
    int height = (int) model.inputShape().get(1);
    int width = (int) model.inputShape().get(2);
    Map<String, Object> out = new LinkedHashMap<>();
    try (NDManager manager = NDManager.newBaseManager(model.device())) {
      NDArray x = manager.randomUniform(0, 1, new Shape(batch).addAll(model.inputShape()));
      int arraysBefore = modelArrays(model);
      for (int i = 0; i < warmup; i++) explainOnce(model, methods.get(i % methods.size()), x, height, width);
      int arraysAfterWarmUp = modelArrays(model);
      List<long[]> curve = new ArrayList<>();
      curve.add(new long[] {0, MemoryProbe.residentBytes()});
      long t0 = System.nanoTime();
      for (int i = 1; i <= calls; i++) {
        explainOnce(model, methods.get(i % methods.size()), x, height, width);
        if (i % every == 0 || i == calls) curve.add(new long[] {i, MemoryProbe.residentBytes()});
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      double[] mb = curve.stream().mapToDouble(p -> p[1] / 1e6).toArray();
      double first = mb[0];
      double last = mb[mb.length - 1];
      double max = java.util.Arrays.stream(mb).max().orElse(0);
      double min = java.util.Arrays.stream(mb).min().orElse(0);
      out.put("methods", methods.stream().map(Explainer::name).toList());
      out.put("batch", batch);
      out.put("warmupCalls", warmup);
      out.put("calls", calls);
      out.put("seconds", Stats.round(seconds, 1));
      out.put("rssFirstMb", Stats.round(first, 1));
      out.put("rssLastMb", Stats.round(last, 1));
      out.put("rssMinMb", Stats.round(min, 1));
      out.put("rssMaxMb", Stats.round(max, 1));
      out.put("driftPercent", Stats.round(100 * (last - first) / first, 2));
      out.put("maxAboveFirstPercent", Stats.round(100 * (max - first) / first, 2));
      out.put("modelArraysBefore", arraysBefore);
      out.put("modelArraysAfterWarmUp", arraysAfterWarmUp);
      out.put("modelArraysAtEnd", modelArrays(model));
      out.put("curve", curve.stream().map(p -> List.of(p[0], Stats.round(p[1] / 1e6, 1))).toList());
    }
    return out;
  }

  /** One call as a user makes it: explain, upsample to the input size, normalise; then free everything. */
  private static void explainOnce(Classifier model, Explainer method, NDArray x, int height, int width) {
    try (NDManager call = x.getManager().newSubManager()) {
      NDArray images = x.duplicate();
      images.attach(call);
      ActivationMaps maps = method.explain(model, images).upsample(height, width).normalize(ActivationMaps.Normalization.MIN_MAX);
      maps.maps().getFloat(0, 0, 0); // wait for the result (asynchronous devices)
    }
  }

  private static int modelArrays(Classifier model) {
    return model.model().getNDManager().getManagedArrays().size();
  }
}
