package camlab.exercises.graders;

import org.junit.jupiter.api.Test;

import static camlab.exercises.graders.GraderChecks.caughtOnlyByHidden;
import static camlab.exercises.graders.GraderChecks.firstFailure;
import static camlab.exercises.graders.GraderChecks.passes;
import static camlab.exercises.graders.GraderChecks.todo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import camlab.evaluate.faithfulness.CausalMetric;
import camlab.evaluate.sanity.Spearman;
import camlab.exercises.cell.NotSolvedYet;
import camlab.exercises.graders.trust.DeletionAuc;
import camlab.exercises.graders.trust.DeletionAucGrader;
import camlab.exercises.graders.trust.DeletionAucHiddenGrader;
import camlab.exercises.graders.trust.SpearmanCorrelation;
import camlab.exercises.graders.trust.SpearmanCorrelationGrader;
import camlab.exercises.graders.trust.SpearmanCorrelationHiddenGrader;

/** The 7.x graders in this JVM. */
class TrustGradersTest {
  @Test
  void aucWrittenDifferentlyPasses() {
    passes(DeletionAucGrader.class, DeletionAucHiddenGrader.class, (DeletionAuc) CausalMetric::auc);
    passes(DeletionAucGrader.class, DeletionAucHiddenGrader.class, (DeletionAuc) s -> {   // the mean of the inner points, ends at half weight
      double sum = 0;
      for (int t = 1; t < s.length - 1; t++) sum += s[t];
      return (sum + (s[0] + s[s.length - 1]) / 2) / (s.length - 1);
    });
  }

  @Test
  void aucStubIsTodoAndTheMeanFails() {
    todo(DeletionAucGrader.class, (DeletionAuc) s -> { throw new NotSolvedYet("7.1"); });
    String mean = firstFailure(DeletionAucGrader.class, (DeletionAuc) s -> java.util.Arrays.stream(s).average().orElse(0));
    assertTrue(mean.contains("deletionAuc(scores [1.0, 0.0, 0.0]) should be 0.25 but is 0.333"), mean);
  }

  @Test
  void aucSummedInFloatPassesTheVisibleTestsAndFailsOnLongCurves() {
    String message = caughtOnlyByHidden(DeletionAucGrader.class, DeletionAucHiddenGrader.class, (DeletionAuc) s -> {
      int n = s.length - 1;
      float sum = 0;
      for (double x : s) sum += x;
      return (sum - s[0] / 2 - s[n] / 2) / n;
    });
    assertTrue(message.startsWith("long curves, up to 50 177 points") && message.contains("deletionAuc(scores double[50177]) should be 0.7 but is")
        && message.contains("add them in a double"), message);
  }

  @Test
  void aucHalvingTheEndsInPlaceFailsOnTheFirstCall() {
    String message = firstFailure(DeletionAucGrader.class, (DeletionAuc) s -> {
      int n = s.length - 1;
      s[0] /= 2;
      s[n] /= 2;
      return java.util.Arrays.stream(s).sum() / n;
    });
    assertTrue(message.startsWith("hand-computed: [1, 0, 0] has area 0.25") && message.contains("changed its argument `scores` (element [0]"
        + " was 1.0, is now 0.5)"), message);
  }

  @Test
  void spearmanWrittenDifferentlyPasses() {
    passes(SpearmanCorrelationGrader.class, SpearmanCorrelationHiddenGrader.class, (SpearmanCorrelation) Spearman::of);
    passes(SpearmanCorrelationGrader.class, SpearmanCorrelationHiddenGrader.class, (SpearmanCorrelation) (a, b) -> {   // ranks by counting smaller and equal values
      double[] ra = new double[a.length];
      double[] rb = new double[b.length];
      for (int i = 0; i < a.length; i++) {
        int lessA = 0, equalA = 0, lessB = 0, equalB = 0;
        for (int j = 0; j < a.length; j++) {
          if (a[j] < a[i]) lessA++;
          if (a[j] == a[i]) equalA++;
          if (b[j] < b[i]) lessB++;
          if (b[j] == b[i]) equalB++;
        }
        ra[i] = lessA + (equalA + 1) / 2.0;
        rb[i] = lessB + (equalB + 1) / 2.0;
      }
      double ma = java.util.Arrays.stream(ra).average().orElseThrow(), mb = java.util.Arrays.stream(rb).average().orElseThrow();
      double sab = 0, saa = 0, sbb = 0;
      for (int i = 0; i < a.length; i++) {
        sab += (ra[i] - ma) * (rb[i] - mb);
        saa += (ra[i] - ma) * (ra[i] - ma);
        sbb += (rb[i] - mb) * (rb[i] - mb);
      }
      return sab / Math.sqrt(saa * sbb);
    });
  }

  @Test
  void spearmanInFloatArithmeticPasses() {
    passes(SpearmanCorrelationGrader.class, SpearmanCorrelationHiddenGrader.class, (SpearmanCorrelation) (a, b) -> {
      double[] ra = Spearman.ranks(a);
      double[] rb = Spearman.ranks(b);
      float ma = 0, mb = 0;
      for (int i = 0; i < ra.length; i++) { ma += (float) ra[i] / ra.length; mb += (float) rb[i] / rb.length; }
      float sab = 0, saa = 0, sbb = 0;
      for (int i = 0; i < ra.length; i++) {
        float da = (float) ra[i] - ma, db = (float) rb[i] - mb;
        sab += da * db;
        saa += da * da;
        sbb += db * db;
      }
      return sab / Math.sqrt((double) saa * sbb);
    });
  }

  @Test
  void spearmanStubIsTodoAndConstantZeroFails() {
    todo(SpearmanCorrelationGrader.class, (SpearmanCorrelation) (a, b) -> { throw new NotSolvedYet("7.2"); });
    String zero = firstFailure(SpearmanCorrelationGrader.class, (SpearmanCorrelation) (a, b) -> {
      double rho = Spearman.of(a, b);
      return Double.isNaN(rho) ? 0 : rho;
    });
    assertTrue(zero.contains("should be NaN but is 0.0"), zero);
  }

  @Test
  void spearmanWithAnEpsilonForConstantOrTiedValuesPassesTheVisibleTestsAndFailsTheHiddenOne() {
    String constant = caughtOnlyByHidden(SpearmanCorrelationGrader.class, SpearmanCorrelationHiddenGrader.class,
        (SpearmanCorrelation) (a, b) -> spread(a) < 1e-6 || spread(b) < 1e-6 ? Double.NaN : Spearman.of(a, b));
    assertTrue(constant.startsWith("values that differ by very little still differ") && constant.contains("should be -1.0 but is NaN"),
        constant);
    String ties = caughtOnlyByHidden(SpearmanCorrelationGrader.class, SpearmanCorrelationHiddenGrader.class,
        (SpearmanCorrelation) (a, b) -> pearson(nearRanks(a), nearRanks(b)));
    assertTrue(ties.startsWith("values that differ by very little still differ") && ties.contains("not [1.5, 1.5, 3.5, 3.5]"), ties);
  }

  private static double spread(float[] v) {
    double min = Double.MAX_VALUE;
    double max = -Double.MAX_VALUE;
    for (float x : v) {
      min = Math.min(min, x);
      max = Math.max(max, x);
    }
    return max - min;
  }

  /** Average ranks where a value within a relative 1e-6 of the previous one in sorted order counts as tied with it. */
  private static double[] nearRanks(float[] v) {
    Integer[] order = new Integer[v.length];
    for (int i = 0; i < order.length; i++) order[i] = i;
    java.util.Arrays.sort(order, (i, j) -> Float.compare(v[i], v[j]));
    double[] r = new double[v.length];
    for (int start = 0; start < order.length; ) {
      int end = start;
      while (end + 1 < order.length && near(v[order[end + 1]], v[order[end]])) end++;
      for (int k = start; k <= end; k++) r[order[k]] = (start + end) / 2.0 + 1;
      start = end + 1;
    }
    return r;
  }

  private static boolean near(float x, float y) {
    return Math.abs(x - y) <= 1e-6 * Math.max(Math.abs(x), Math.abs(y));
  }

  private static double pearson(double[] x, double[] y) {
    double mx = java.util.Arrays.stream(x).average().orElseThrow();
    double my = java.util.Arrays.stream(y).average().orElseThrow();
    double sxy = 0, sxx = 0, syy = 0;
    for (int i = 0; i < x.length; i++) {
      sxy += (x[i] - mx) * (y[i] - my);
      sxx += (x[i] - mx) * (x[i] - mx);
      syy += (y[i] - my) * (y[i] - my);
    }
    return sxy / Math.sqrt(sxx * syy);
  }

  @Test
  void spearmanWhoseIntCountsOverflowIsToldSo() {
    String message = firstFailure(SpearmanCorrelationGrader.class, (SpearmanCorrelation) (a, b) -> {
      double[] ra = Spearman.ranks(a);
      double[] rb = Spearman.ranks(b);
      int n = a.length;
      int n3 = n * n * n;   // Σ(r − mean)² = (n³ − n)/12 without ties
      double d2 = 0;
      for (int i = 0; i < n; i++) d2 += (ra[i] - rb[i]) * (ra[i] - rb[i]);
      double tx = (n3 - n) / 12.0 - ties(a);
      double ty = (n3 - n) / 12.0 - ties(b);
      return (tx + ty - d2) / (2 * Math.sqrt(tx * ty));
    });
    assertTrue(message.startsWith("random maps, with many ties and without") && message.contains("a correlation lies in [−1, 1]; for n = 4096"
        + " values, n³ = 68719476736 — beyond an int"), message);
  }

  /** Σ (t³ − t)/12 over the groups of t equal values: what ties take from Σ(r − mean)². */
  private static double ties(float[] v) {
    float[] s = v.clone();
    java.util.Arrays.sort(s);
    double sum = 0;
    for (int i = 0; i < s.length; ) {
      int j = i;
      while (j < s.length && s[j] == s[i]) j++;
      double t = j - i;
      sum += (t * t * t - t) / 12;
      i = j;
    }
    return sum;
  }

  @Test
  void spearmanSortingTheCallersLongArraysFails() {
    String message = firstFailure(SpearmanCorrelationGrader.class, (SpearmanCorrelation) (a, b) -> {
      double rho = Spearman.of(a, b);
      if (a.length > 100) java.util.Arrays.sort(a);   // "the big arrays need not be copied"
      return rho;
    });
    assertTrue(message.startsWith("random maps, with many ties and without") && message.contains("changed its argument `a`"), message);
  }
}
