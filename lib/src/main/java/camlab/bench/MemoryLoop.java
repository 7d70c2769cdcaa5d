package camlab.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import camlab.explain.ActivationMaps;
import camlab.explain.Explainer;
import camlab.model.Classifier;
import camlab.util.MemoryProbe;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Many explain calls in a loop — the methods in turn, each call's images, maps and temporaries in a
 * manager closed right after — with the resident set size sampled every {@code every} calls once the
 * warm-up is over. A leak shows as drift: {@code drift = (last − first) / first} over the sampled curve.
 * The Java heap is written through once before the first sample (see {@link #touchHeap}), and every sample also
 * records the heap and the direct ByteBuffers, so a climb can be told apart from a leak.
 * The model's own manager must hold the same number of arrays before, after the warm-up and at the end. A
 * leak grows with the calls, so the drift over the second half of the loop is reported too: the allocator's
 * warm-up is over by then, a leak is not. After the last sample,
 * glibc's malloc is asked to return its free memory ({@link MemoryProbe#releaseFreeNativeMemory}) and the
 * RSS is read once more: what the trim gives back was free memory the allocator kept, not live arrays.
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
      touchHeap();
      curve.add(sample(0));
      long t0 = System.nanoTime();
      for (int i = 1; i <= calls; i++) {
        explainOnce(model, methods.get(i % methods.size()), x, height, width);
        if (i % every == 0 || i == calls) curve.add(sample(i));
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      double[] mb = curve.stream().mapToDouble(p -> p[1] / 1e6).toArray();
      double first = mb[0];
      double last = mb[mb.length - 1];
      double middle = mb[mb.length / 2]; // the sample closest to call calls/2
      double max = java.util.Arrays.stream(mb).max().orElse(0);
      double min = java.util.Arrays.stream(mb).min().orElse(0);
      out.put("methods", methods.stream().map(Explainer::name).toList());
      out.put("batch", batch);
      out.put("warmupCalls", warmup);
      out.put("calls", calls);
      out.put("seconds", Stats.round(seconds, 1));
      out.put("nativeHeapTrimIntervalMs", MemoryProbe.nativeHeapTrimIntervalMs());
      out.put("rssFirstMb", Stats.round(first, 1));
      out.put("rssLastMb", Stats.round(last, 1));
      out.put("rssMinMb", Stats.round(min, 1));
      out.put("rssMaxMb", Stats.round(max, 1));
      out.put("driftPercent", Stats.round(100 * (last - first) / first, 2));
      out.put("maxAboveFirstPercent", Stats.round(100 * (max - first) / first, 2));
      out.put("secondHalfFromCall", curve.get(mb.length / 2)[0]);
      out.put("driftSecondHalfPercent", Stats.round(100 * (last - middle) / middle, 2));
      if (MemoryProbe.releaseFreeNativeMemory()) {
        double afterTrim = MemoryProbe.residentBytes() / 1e6;
        out.put("rssAfterMallocTrimMb", Stats.round(afterTrim, 1));
        out.put("driftAfterMallocTrimPercent", Stats.round(100 * (afterTrim - first) / first, 2));
      }
      out.put("modelArraysBefore", arraysBefore);
      out.put("modelArraysAfterWarmUp", arraysAfterWarmUp);
      out.put("modelArraysAtEnd", modelArrays(model));
      out.put("curveColumns", List.of("call", "rssMb", "heapUsedMb", "heapCommittedMb", "directBuffersMb"));
      out.put("curve", curve.stream().map(p -> List.of(p[0], Stats.round(p[1] / 1e6, 1), Stats.round(p[2] / 1e6, 1),
          Stats.round(p[3] / 1e6, 1), Stats.round(p[4] / 1e6, 1))).toList());
    }
    return out;
  }

  /** One call as a user makes it: explain, upsample to the input size, normalise; then free everything. */
  private static void explainOnce(Classifier model, Explainer method, NDArray x, int height, int width) {
    try (NDManager call = x.getManager().newSubManager()) {
      NDArray images = x.duplicate();
      images.attach(call);
      ActivationMaps maps = method.explain(model, images).upsampleThenNormalize(height, width, ActivationMaps.Normalization.MIN_MAX);
      maps.maps().getFloat(0, 0, 0); // wait for the result (asynchronous devices)
    }
  }

  /** call, RSS, Java heap used and committed, direct ByteBuffers (bytes). */
  private static long[] sample(long call) {
    MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    long direct = ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream().filter(b -> b.getName().equals("direct"))
        .mapToLong(BufferPoolMXBean::getMemoryUsed).sum();
    return new long[] {call, MemoryProbe.residentBytes(), heap.getUsed(), heap.getCommitted(), direct};
  }

  /**
   * Allocates and drops short-lived garbage worth twice the committed Java heap, so that every heap page
   * has been written once before the first sample. Without it the curve shows the JVM touching its heap
   * for the first time (RSS climbs by up to the committed heap, then stays flat), not the explain calls.
   */
  private static void touchHeap() {
    long budget = 2 * ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted();
    for (long done = 0; done < budget; done += GARBAGE_CHUNK) sink = new byte[GARBAGE_CHUNK];
    sink = null;
  }

  private static final int GARBAGE_CHUNK = 64 * 1024; // well below a G1 region, so it is ordinary young garbage
  private static volatile byte[] sink; // keeps the JIT from removing the allocations

  private static int modelArrays(Classifier model) {
    return model.model().getNDManager().getManagedArrays().size();
  }
}
