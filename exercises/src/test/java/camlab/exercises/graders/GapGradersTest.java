package camlab.exercises.graders;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

import org.junit.jupiter.api.Test;

import static camlab.exercises.graders.GraderChecks.caughtOnlyByHidden;
import static camlab.exercises.graders.GraderChecks.firstFailure;
import static camlab.exercises.graders.GraderChecks.passes;
import static camlab.exercises.graders.GraderChecks.todo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import camlab.exercises.cell.NotSolvedYet;
import camlab.exercises.graders.gap.GlobalAveragePool;
import camlab.exercises.graders.gap.GlobalAveragePoolGrader;
import camlab.exercises.graders.gap.GlobalAveragePoolHiddenGrader;
import camlab.exercises.graders.gap.HeadParameterCounts;
import camlab.exercises.graders.gap.HeadParameterCountsGrader;
import camlab.exercises.graders.gap.HeadParameterCountsHiddenGrader;

/** The 1.x graders in this JVM: right answers (written several ways) pass, the stub is TODO, mistakes fail with a useful message. */
class GapGradersTest {
  @Test
  void gapAnswersWrittenDifferentlyPass() {
    passes(GlobalAveragePoolGrader.class, GlobalAveragePoolHiddenGrader.class, (GlobalAveragePool) f -> f.mean(new int[] {2}).mean(new int[] {1}));
    passes(GlobalAveragePoolGrader.class, GlobalAveragePoolHiddenGrader.class, (GlobalAveragePool) f -> {
      long k = f.getShape().get(0);
      return f.reshape(k, -1).mean(new int[] {1});
    });
    passes(GlobalAveragePoolGrader.class, GlobalAveragePoolHiddenGrader.class,
        (GlobalAveragePool) f -> f.sum(new int[] {1, 2}).div(f.getShape().get(1) * f.getShape().get(2)));
    passes(GlobalAveragePoolGrader.class, GlobalAveragePoolHiddenGrader.class, (GlobalAveragePool) GapGradersTest::hostLoopGap);
  }

  @Test
  void aRunningSumInFloatPassesTheVisibleTestsAndFailsTheLargeGrid() {
    String drift = caughtOnlyByHidden(GlobalAveragePoolGrader.class, GlobalAveragePoolHiddenGrader.class, (GlobalAveragePool) f -> {
      int k = (int) f.getShape().get(0);
      int hw = (int) (f.getShape().get(1) * f.getShape().get(2));
      float[] v = f.toFloatArray();
      float[] out = new float[k];
      for (int c = 0; c < k; c++) {
        float sum = 0;
        for (int p = 0; p < hw; p++) sum += v[c * hw + p];
        out[c] = sum / hw;
      }
      return f.getManager().create(out, new Shape(k));
    });
    assertTrue(drift.startsWith("a large grid, 1024x1024 positions") && drift.contains("globalAveragePool(features (2, 1024, 1024))")
        && drift.contains("element [0] should be 0.1") && drift.contains("but is 0.1009")
        && drift.contains("a running sum kept in a float drifts"), drift);
  }

  private static NDArray hostLoopGap(NDArray f) {
    int k = (int) f.getShape().get(0);
    int hw = (int) (f.getShape().get(1) * f.getShape().get(2));
    float[] v = f.toFloatArray();
    float[] out = new float[k];
    for (int c = 0; c < k; c++) {
      double s = 0;
      for (int p = 0; p < hw; p++) s += v[c * hw + p];
      out[c] = (float) (s / hw);
    }
    return f.getManager().create(out, new Shape(k));
  }

  @Test
  void gapStubIsTodo() {
    todo(GlobalAveragePoolGrader.class, (GlobalAveragePool) f -> { throw new NotSolvedYet("1.1"); });
  }

  @Test
  void gapMistakesFailWithTheGoldenValues() {
    String sum = firstFailure(GlobalAveragePoolGrader.class, (GlobalAveragePool) f -> f.sum(new int[] {1, 2}));
    assertTrue(sum.startsWith("hand-computed: K=2 channels on a 2x2 grid: globalAveragePool(features (2, 2, 2)) with A_0=[[1,2],[3,4]]"), sum);
    assertTrue(sum.contains("element [0] should be 2.5 but is 10.0"), sum);
    String axis = firstFailure(GlobalAveragePoolGrader.class, (GlobalAveragePool) f -> f.mean(new int[] {0}));
    assertTrue(axis.contains("returned shape (2, 2) but the result must have shape (2) — average over both spatial axes"), axis);
  }

  @Test
  void gapOfAnotherDtypeFailsEvenWhenItsValuesConvert() {
    String float64 = firstFailure(GlobalAveragePoolGrader.class,
        (GlobalAveragePool) f -> f.toType(DataType.FLOAT64, false).mean(new int[] {2}).mean(new int[] {1}));
    assertTrue(float64.startsWith("hand-computed: K=2 channels on a 2x2 grid: globalAveragePool(features (2, 2, 2))")
        && float64.contains("returned float64; the result must be float32 — manager.create(double[])"), float64);
    String hostDoubles = firstFailure(GlobalAveragePoolGrader.class, (GlobalAveragePool) f -> {
      float[] host = hostLoopGap(f).toFloatArray();
      double[] out = new double[host.length];
      for (int k = 0; k < out.length; k++) out[k] = host[k];
      return f.getManager().create(out);
    });
    assertTrue(hostDoubles.contains("returned float64; the result must be float32"), hostDoubles);
  }

  @Test
  void headCountAnswersWrittenDifferentlyPass() {
    passes(HeadParameterCountsGrader.class, HeadParameterCountsHiddenGrader.class, (HeadParameterCounts) (k, h, w, hidden, c) -> new long[] {
        (long) k * h * w * hidden + hidden + (long) hidden * c + c, (long) k * c});
    passes(HeadParameterCountsGrader.class, HeadParameterCountsHiddenGrader.class, (HeadParameterCounts) (k, h, w, hidden, c) -> {
      long in = Math.multiplyExact(Math.multiplyExact((long) k, (long) h), (long) w);
      return new long[] {(in + 1) * hidden + (hidden + 1L) * c, Math.multiplyExact((long) k, (long) c)};
    });
  }

  @Test
  void headCountStubIsTodo() {
    todo(HeadParameterCountsGrader.class, (HeadParameterCounts) (k, h, w, hidden, c) -> { throw new NotSolvedYet("1.2"); });
  }

  @Test
  void headCountMistakesSayWhichHeadIsWrong() {
    String noBias = firstFailure(HeadParameterCountsGrader.class, (HeadParameterCounts) (k, h, w, hidden, c) -> new long[] {
        (long) k * h * w * hidden + (long) hidden * c, (long) k * c});
    assertTrue(noBias.contains("the FC head (flatten → Linear(5) → ReLU → Linear(3), both with bias) should have 143 parameters but the"
        + " answer says 135"), noBias);
    String overflow = firstFailure(HeadParameterCountsGrader.class, (HeadParameterCounts) (k, h, w, hidden, c) -> new long[] {
        k * h * w * hidden + hidden + hidden * c + c, k * c});
    assertTrue(overflow.startsWith("large heads") && overflow.contains("that is the right count modulo 2³²: an int product overflowed"),
        overflow);
    String swapped = firstFailure(HeadParameterCountsGrader.class, (HeadParameterCounts) (k, h, w, hidden, c) -> new long[] {
        (long) k * c, (long) k * h * w * hidden + hidden + (long) hidden * c + c});
    assertTrue(swapped.contains("the two counts are swapped"), swapped);
  }

  @Test
  void headCountsWithOneProductInIntPassTheVisibleTestsAndFailTheHiddenOne() {
    String gap = caughtOnlyByHidden(HeadParameterCountsGrader.class, HeadParameterCountsHiddenGrader.class,
        (HeadParameterCounts) (k, h, w, hidden, c) -> new long[] {(long) k * h * w * hidden + hidden + (long) hidden * c + c, k * c});
    assertTrue(gap.startsWith("each product can overflow an int on its own") && gap.contains("channels 65536")
        && gap.contains("the GAP head (GAP → Linear(65536) without bias) should have 4294967296 parameters but the answer says 0")
        && gap.contains("modulo 2³²"), gap);
    String flatten = caughtOnlyByHidden(HeadParameterCountsGrader.class, HeadParameterCountsHiddenGrader.class,
        (HeadParameterCounts) (k, h, w, hidden, c) -> {
          int inputs = k * h * w;
          return new long[] {(long) inputs * hidden + hidden + (long) hidden * c + c, (long) k * c};
        });
    assertTrue(flatten.contains("channels 2048") && flatten.contains("modulo 2³²"), flatten);
    String second = caughtOnlyByHidden(HeadParameterCountsGrader.class, HeadParameterCountsHiddenGrader.class,
        (HeadParameterCounts) (k, h, w, hidden, c) -> new long[] {(long) k * h * w * hidden + hidden + hidden * c + c, (long) k * c});
    assertTrue(second.contains("hidden 65536, classes 65536") && second.contains("modulo 2³²"), second);
  }
}
