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
import camlab.exercises.graders.cam.BilinearUpsample;
import camlab.exercises.graders.cam.BilinearUpsampleGrader;
import camlab.exercises.graders.cam.BilinearUpsampleHiddenGrader;
import camlab.exercises.graders.cam.MinMaxNormalize;
import camlab.exercises.graders.cam.MinMaxNormalizeGrader;
import camlab.exercises.graders.cam.MinMaxNormalizeHiddenGrader;
import camlab.ops.MapOps;

/** The 2.2 and 2.3 graders in this JVM. */
class CamNormalizeUpsampleGradersTest {
  @Test
  void normalisationsWrittenDifferentlyPass() {
    passes(MinMaxNormalizeGrader.class, MinMaxNormalizeHiddenGrader.class, (MinMaxNormalize) m -> {
      float min = m.min().getFloat();
      float max = m.max().getFloat();
      return max == min ? m.zerosLike() : m.sub(min).div(max - min);
    });
    // the library's guard: a range within float rounding of the map's magnitude counts as constant
    passes(MinMaxNormalizeGrader.class, MinMaxNormalizeHiddenGrader.class, (MinMaxNormalize) m -> {
      float min = m.min().getFloat();
      float max = m.max().getFloat();
      return max - min <= 1e-6f * Math.max(Math.abs(min), Math.abs(max)) ? m.zerosLike() : m.sub(min).div(max - min);
    });
    // on the host
    passes(MinMaxNormalizeGrader.class, MinMaxNormalizeHiddenGrader.class, (MinMaxNormalize) m -> {
      float[] v = m.toFloatArray();
      float min = Float.POSITIVE_INFINITY;
      float max = Float.NEGATIVE_INFINITY;
      for (float x : v) {
        min = Math.min(min, x);
        max = Math.max(max, x);
      }
      float[] out = new float[v.length];
      for (int i = 0; i < v.length && max > min; i++) out[i] = (v[i] - min) / (max - min);
      return m.getManager().create(out, m.getShape());
    });
  }

  @Test
  void normalisationStubIsTodo() {
    todo(MinMaxNormalizeGrader.class, (MinMaxNormalize) m -> { throw new NotSolvedYet("2.2"); });
  }

  @Test
  void normalisationMistakesFail() {
    String nan = firstFailure(MinMaxNormalizeGrader.class, (MinMaxNormalize) m -> m.sub(m.min()).div(m.max().sub(m.min())));
    assertTrue(nan.startsWith("constant maps become all zeros, never NaN: minMaxNormalize(map (2, 3)) with every value 3.5: element [0][0]"
        + " is NaN — max − min is 0 there, and dividing by it gives 0/0 = NaN"), nan);
    String byMax = firstFailure(MinMaxNormalizeGrader.class, (MinMaxNormalize) m -> m.div(m.max()));
    assertTrue(byMax.contains("element [0][0] should be 0.0 but is 0.2"), byMax);
  }

  @Test
  void aGuardThatReturnsOnesIsToldWhatItReturned() {
    String ones = firstFailure(MinMaxNormalizeGrader.class, (MinMaxNormalize) m -> {
      float min = m.min().getFloat();
      float max = m.max().getFloat();
      return max == min ? m.onesLike() : m.sub(min).div(max - min);
    });
    assertTrue(ones.endsWith("element [0][0] is 1.0 but a constant map must become all zeros (nothing in it stands out)"), ones);
  }

  @Test
  void guardsThatTreatATinyRangeAsConstantPassTheVisibleTestsAndFailTheHiddenOnes() {
    passes(MinMaxNormalizeGrader.class, (MinMaxNormalize) m -> m.sub(m.min()).div(m.max().sub(m.min()).add(1e-8f)));
    String epsilon = firstFailure(MinMaxNormalizeHiddenGrader.class, (MinMaxNormalize) m -> m.sub(m.min()).div(m.max().sub(m.min()).add(1e-8f)));
    assertTrue(epsilon.startsWith("a range that is tiny but not 0 is not constant") && epsilon.contains("max − min = 5.9604645E-8")
        && epsilon.contains("its largest value became 0.85") && epsilon.contains("an epsilon added to the denominator"), epsilon);
    String absolute = firstFailure(MinMaxNormalizeHiddenGrader.class, (MinMaxNormalize) m -> {
      float min = m.min().getFloat();
      float max = m.max().getFloat();
      return max - min < 1e-6f ? m.zerosLike() : m.sub(min).div(max - min);
    });
    assertTrue(absolute.startsWith("a range that is tiny but not 0 is not constant") && absolute.contains("the map was treated as constant"),
        absolute);
  }

  @Test
  void normalisationsOfAnotherDtypeFail() {
    String float64 = firstFailure(MinMaxNormalizeGrader.class, (MinMaxNormalize) m -> {
      double[] v = new double[(int) m.size()];
      float[] f = m.toFloatArray();
      double min = Double.MAX_VALUE;
      double max = -Double.MAX_VALUE;
      for (float x : f) {
        min = Math.min(min, x);
        max = Math.max(max, x);
      }
      for (int i = 0; i < v.length && max > min; i++) v[i] = (f[i] - min) / (max - min);
      return m.getManager().create(v, m.getShape());
    });
    assertTrue(float64.startsWith("hand-computed: [[2,4],[6,10]]") && float64.contains("returned float64; the result must be float32"),
        float64);
  }

  @Test
  void aGuardThatZeroesTheCallersMapFailsOnTheConstantMap() {
    String inPlace = firstFailure(MinMaxNormalizeGrader.class, (MinMaxNormalize) m -> {
      float min = m.min().getFloat();
      float max = m.max().getFloat();
      return max == min ? m.muli(0f) : m.sub(min).div(max - min);
    });
    assertTrue(inPlace.startsWith("constant maps become all zeros, never NaN: minMaxNormalize(map (2, 3)) modified its argument `map`"
        + " (element [0][0] was 3.5, is now 0.0); the caller still uses it"), inPlace);
  }

  @Test
  void upsamplingsWrittenDifferentlyPass() {
    passes(BilinearUpsampleGrader.class, BilinearUpsampleHiddenGrader.class,
        (BilinearUpsample) (m, h, w) -> MapOps.upsampleBilinear(m.expandDims(0), h, w).squeeze(0));
    passes(BilinearUpsampleGrader.class, BilinearUpsampleHiddenGrader.class, (BilinearUpsample) CamNormalizeUpsampleGradersTest::separable);
  }

  @Test
  void upsamplingWithTheAxesRatiosSwappedPassesTheVisibleTestsAndFailsTheHiddenOne() {
    String swapped = caughtOnlyByHidden(BilinearUpsampleGrader.class, BilinearUpsampleHiddenGrader.class,
        (BilinearUpsample) CamNormalizeUpsampleGradersTest::swappedRatios);
    assertTrue(swapped.startsWith("height and width grow by different factors") && swapped.contains("upsampleBilinear(map (3, 5), height 8,"
        + " width 13)"), swapped);
  }

  /** Rows first, then columns, with double arithmetic and explicit clamping at both ends. */
  private static NDArray separable(NDArray map, int height, int width) {
    int h = (int) map.getShape().get(0);
    int w = (int) map.getShape().get(1);
    float[] in = map.toFloatArray();
    float[] rows = new float[h * width];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < width; x++) {
        double s = Math.min(Math.max((x + 0.5) * w / width - 0.5, 0), w - 1);
        int a = (int) Math.floor(s);
        int b = Math.min(a + 1, w - 1);
        rows[y * width + x] = (float) (in[y * w + a] * (1 - (s - a)) + in[y * w + b] * (s - a));
      }
    }
    float[] out = new float[height * width];
    for (int y = 0; y < height; y++) {
      double s = Math.min(Math.max((y + 0.5) * h / height - 0.5, 0), h - 1);
      int a = (int) Math.floor(s);
      int b = Math.min(a + 1, h - 1);
      for (int x = 0; x < width; x++) out[y * width + x] = (float) (rows[a * width + x] * (1 - (s - a)) + rows[b * width + x] * (s - a));
    }
    return map.getManager().create(out, new Shape(height, width));
  }

  /** Rows sampled with the width's ratio w/width and columns with the height's h/height: right only when both ratios are equal. */
  private static NDArray swappedRatios(NDArray map, int height, int width) {
    int h = (int) map.getShape().get(0);
    int w = (int) map.getShape().get(1);
    float[] in = map.toFloatArray();
    float[] out = new float[height * width];
    for (int y = 0; y < height; y++) {
      double sy = Math.min(Math.max((y + 0.5) * w / width - 0.5, 0), h - 1);
      int y0 = (int) sy;
      int y1 = Math.min(y0 + 1, h - 1);
      for (int x = 0; x < width; x++) {
        double sx = Math.min(Math.max((x + 0.5) * h / height - 0.5, 0), w - 1);
        int x0 = (int) sx;
        int x1 = Math.min(x0 + 1, w - 1);
        double top = in[y0 * w + x0] * (1 - (sx - x0)) + in[y0 * w + x1] * (sx - x0);
        double bottom = in[y1 * w + x0] * (1 - (sx - x0)) + in[y1 * w + x1] * (sx - x0);
        out[y * width + x] = (float) (top * (1 - (sy - y0)) + bottom * (sy - y0));
      }
    }
    return map.getManager().create(out, new Shape(height, width));
  }

  @Test
  void upsamplingToFloat64Fails() {
    String float64 = firstFailure(BilinearUpsampleGrader.class,
        (BilinearUpsample) (m, h, w) -> separable(m, h, w).toType(DataType.FLOAT64, false));
    assertTrue(float64.startsWith("hand-computed: [[0,4],[8,12]] from 2x2 to 4x4") && float64.contains("returned float64"), float64);
  }

  @Test
  void upsamplingStubIsTodo() {
    todo(BilinearUpsampleGrader.class, (BilinearUpsample) (m, h, w) -> { throw new NotSolvedYet("2.3"); });
  }

  @Test
  void swappedOutputSizeFailsOnShape() {
    String swapped = firstFailure(BilinearUpsampleGrader.class,
        (BilinearUpsample) (m, h, w) -> MapOps.upsampleBilinear(m.expandDims(0), w, h).squeeze(0));
    assertTrue(swapped.startsWith("hand-computed: one row [[0,8]] to 2x4") && swapped.contains("returned shape (4, 2) but the result must have shape (2, 4)"),
        swapped);
  }
}
