package camlab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The interleaving protocol and the statistics, on hand-set inputs (no timing assertions). */
class PairedTimingTest {
  @Test
  void pairsAlternateTheirOrderAndRotateAfterTheWarmUp() {
    List<String> calls = new ArrayList<>();
    List<PairedTiming.Pair> pairs = List.of(
        new PairedTiming.Pair("a", () -> calls.add("Fa"), () -> calls.add("a")),
        new PairedTiming.Pair("b", () -> calls.add("Fb"), () -> calls.add("b")));
    var samples = PairedTiming.run(pairs, 2, 1);
    // warm-up round: Fa a Fb b; rep 0 (forward first) starts at a; rep 1 (method first) starts at b
    assertEquals(List.of("Fa", "a", "Fb", "b", "Fa", "a", "Fb", "b", "b", "Fb", "a", "Fa"), calls);
    assertEquals(List.of("a", "b"), List.copyOf(samples.keySet()));
    assertEquals(2, samples.get("b").methodMs().length);
  }

  @Test
  void warmUpLastsAtLeastTheMinimumTime() throws Exception {
    int[] calls = {0};
    long start = System.nanoTime();
    PairedTiming.run(List.of(new PairedTiming.Pair("a", () -> calls[0]++, () -> sleepMillis(5))), 1, 1, 0.2);
    double seconds = (System.nanoTime() - start) / 1e9;
    // one round takes ~5 ms, so 0.2 s of warm-up needs many more rounds than the one asked for
    assertTrue(seconds >= 0.2 && calls[0] > 10, seconds + " s, " + calls[0] + " forward calls");
  }

  @Test
  void theFirstBenchmarksOfAJvmWarmUpUntilTheJitHasHadItsTime() {
    assertEquals(PairedTiming.JIT_WARMUP_SECONDS, PairedTiming.warmupSeconds(0));
    assertEquals(PairedTiming.JIT_WARMUP_SECONDS - 8, PairedTiming.warmupSeconds(8), 1e-12);
    assertEquals(PairedTiming.MIN_WARMUP_SECONDS, PairedTiming.warmupSeconds(PairedTiming.JIT_WARMUP_SECONDS - 1));
    assertEquals(PairedTiming.MIN_WARMUP_SECONDS, PairedTiming.warmupSeconds(600));
    double first = PairedTiming.methodWarmupSeconds();
    assertTrue(first >= PairedTiming.MIN_WARMUP_SECONDS && first <= PairedTiming.JIT_WARMUP_SECONDS, "first: " + first);
    assertTrue(PairedTiming.methodWarmupSeconds() <= first, "the JIT's share shrinks as the JVM's benchmarks go on");
  }

  private static void sleepMillis(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void ratioIsTheMedianOfPerRepetitionRatios() {
    var s = new PairedTiming.Samples("m", new double[] {10, 20, 40}, new double[] {11, 30, 40});
    // per-rep ratios 1.1, 1.5, 1.0 → median 1.1; a ratio of medians would say 30/20 = 1.5
    assertEquals(1.1, s.ratio(), 1e-12);
    assertEquals(20, s.medianForwardMs());
    assertEquals(30, s.medianMethodMs());
  }

  @Test
  void medianOfEvenCountAveragesTheMiddlePair() {
    assertEquals(2.5, Stats.median(new double[] {4, 1, 3, 2}));
    assertEquals(3, Stats.median(new double[] {5, 3, 1}));
    assertThrows(IllegalArgumentException.class, () -> Stats.median(new double[0]));
    assertThrows(IllegalArgumentException.class, () -> PairedTiming.run(List.of(), 0, 0));
  }
}
