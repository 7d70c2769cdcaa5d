package camlab.exercises.graders;

import org.junit.jupiter.api.Test;

import static camlab.exercises.graders.GraderChecks.firstFailure;
import static camlab.exercises.graders.GraderChecks.passes;
import static camlab.exercises.graders.GraderChecks.todo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import camlab.evaluate.CausalMetric;
import camlab.evaluate.Spearman;
import camlab.exercises.NotSolvedYet;
import camlab.exercises.graders.trust.DeletionAuc;
import camlab.exercises.graders.trust.DeletionAucGrader;
import camlab.exercises.graders.trust.SpearmanCorrelation;
import camlab.exercises.graders.trust.SpearmanCorrelationGrader;

/** The 7.x graders in this JVM. */
class TrustGradersTest {
  @Test
  void aucWrittenDifferentlyPasses() {
    passes(DeletionAucGrader.class, (DeletionAuc) CausalMetric::auc);
    passes(DeletionAucGrader.class, (DeletionAuc) s -> {   // the mean of the inner points, ends at half weight
      double sum = 0;
      for (int t = 1; t < s.length - 1; t++) sum += s[t];
      return (sum + (s[0] + s[s.length - 1]) / 2) / (s.length - 1);
    });
  }

  @Test
  void aucStubIsTodoAndTheMeanFails() {
    todo(DeletionAucGrader.class, (DeletionAuc) s -> { throw new NotSolvedYet("7.1"); });
    String mean = firstFailure(DeletionAucGrader.class, (DeletionAuc) s -> java.util.Arrays.stream(s).average().orElse(0));
    assertTrue(mean.contains("deletionAuc([1.0, 0.0, 0.0]) should be 0.25 but is 0.333"), mean);
  }

  @Test
  void spearmanWrittenDifferentlyPasses() {
    passes(SpearmanCorrelationGrader.class, (SpearmanCorrelation) Spearman::of);
    passes(SpearmanCorrelationGrader.class, (SpearmanCorrelation) (a, b) -> {   // ranks by counting smaller and equal values
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
    passes(SpearmanCorrelationGrader.class, (SpearmanCorrelation) (a, b) -> {
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
}
