package camlab.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Times methods against the forward pass they build on, interleaved so that a shared, noisy machine
 * slows both alike: every repetition runs each (forward, method) pair back to back — forward first in
 * even repetitions, method first in odd ones — and the pairs rotate their starting position. The ratio
 * reported is the median of the per-pair ratios, {@code median_r(method_r / forward_r)}, which cancels
 * slow drifts of the machine's load that a ratio of two separate medians would not.
 */
public final class PairedTiming {
  /** One method and the forward pass it is compared with (both run once per call, results discarded). */
  public record Pair(String name, Runnable forward, Runnable method) {}

  /** The samples of one pair, in milliseconds, one per repetition. */
  public record Samples(String name, double[] forwardMs, double[] methodMs) {
    public double medianForwardMs() {
      return Stats.median(forwardMs);
    }

    public double medianMethodMs() {
      return Stats.median(methodMs);
    }

    /** median over repetitions of method / forward of the same repetition. */
    public double ratio() {
      return Stats.median(Stats.ratios(methodMs, forwardMs));
    }
  }

  /**
   * How long the method benchmarks warm up at least, whatever the number of rounds: the JIT compiles a call path
   * after thousands of calls, and until then the Java side of a small model's call (index parsing, array
   * bookkeeping) runs interpreted and inflates every method's ratio.
   */
  public static final double MIN_WARMUP_SECONDS = 5;

  /**
   * How long the method benchmarks of one JVM warm up in all, at least: HotSpot goes on compiling the Java side of
   * an explanation (the host loops, the steps' bookkeeping) for about 20 s of bench rounds, and a small model's
   * ratios read high until it is done. The compiled code then serves every later model and batch of the same JVM.
   */
  public static final double JIT_WARMUP_SECONDS = 20;

  /** When the JVM's first method benchmark asked for its warm-up: a class is initialised once, on first use. */
  private static final class FirstWarmup {
    static final long START = System.nanoTime();
  }

  private PairedTiming() {}

  /**
   * The minimum warm-up for the next method benchmark: {@link #MIN_WARMUP_SECONDS}, or more while the JVM's first
   * method benchmark began less than {@link #JIT_WARMUP_SECONDS} ago.
   */
  public static double methodWarmupSeconds() {
    long start = FirstWarmup.START; // read before the clock, so the first call measures 0 s, not less
    return warmupSeconds((System.nanoTime() - start) / 1e9);
  }

  static double warmupSeconds(double secondsSinceFirstWarmup) {
    return Math.max(MIN_WARMUP_SECONDS, JIT_WARMUP_SECONDS - secondsSinceFirstWarmup);
  }

  /** As {@link #run(List, int, int, double)} with no minimum warm-up time. */
  public static Map<String, Samples> run(List<Pair> pairs, int reps, int warmup) {
    return run(pairs, reps, warmup, 0);
  }

  /**
   * Runs untimed rounds of every pair — {@code warmup} of them, and more until {@code minWarmupSeconds} have
   * passed (when {@code warmup > 0}) — then {@code reps} timed ones.
   *
   * @return samples by pair name, in the pairs' order
   */
  public static Map<String, Samples> run(List<Pair> pairs, int reps, int warmup, double minWarmupSeconds) {
    if (reps < 1) throw new IllegalArgumentException("--reps must be at least 1; got " + reps + ".");
    if (warmup < 0) throw new IllegalArgumentException("--warmup must be 0 or more; got " + warmup + ".");
    long warmupEnd = System.nanoTime() + (warmup > 0 ? (long) (minWarmupSeconds * 1e9) : 0);
    for (int w = 0; w < warmup || System.nanoTime() < warmupEnd; w++) {
      for (Pair p : pairs) {
        p.forward().run();
        p.method().run();
      }
    }
    double[][] forward = new double[pairs.size()][reps];
    double[][] method = new double[pairs.size()][reps];
    for (int r = 0; r < reps; r++) {
      for (int i = 0; i < pairs.size(); i++) {
        int p = (i + r) % pairs.size();
        if (r % 2 == 0) {
          forward[p][r] = millis(pairs.get(p).forward());
          method[p][r] = millis(pairs.get(p).method());
        } else {
          method[p][r] = millis(pairs.get(p).method());
          forward[p][r] = millis(pairs.get(p).forward());
        }
      }
    }
    Map<String, Samples> out = new LinkedHashMap<>();
    for (int p = 0; p < pairs.size(); p++) out.put(pairs.get(p).name(), new Samples(pairs.get(p).name(), forward[p], method[p]));
    return out;
  }

  private static double millis(Runnable body) {
    long t0 = System.nanoTime();
    body.run();
    return (System.nanoTime() - t0) / 1e6;
  }
}
