package camlab.exercises.graders;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

import org.junit.jupiter.api.Test;

import static camlab.exercises.graders.GraderChecks.caughtOnlyByHidden;
import static camlab.exercises.graders.GraderChecks.firstFailure;
import static camlab.exercises.graders.GraderChecks.passes;
import static camlab.exercises.graders.GraderChecks.todo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import camlab.exercises.cell.NotSolvedYet;
import camlab.exercises.graders.acol.EraseFeatures;
import camlab.exercises.graders.acol.EraseFeaturesGrader;
import camlab.exercises.graders.acol.EraseFeaturesHiddenGrader;
import camlab.exercises.graders.acol.ErasingMask;
import camlab.exercises.graders.acol.ErasingMaskGrader;
import camlab.exercises.graders.acol.ErasingMaskHiddenGrader;
import camlab.exercises.graders.acol.FuseMaps;
import camlab.exercises.graders.acol.FuseMapsGrader;
import camlab.exercises.graders.acol.FuseMapsHiddenGrader;
import camlab.model.AcolHead;
import camlab.ops.MapOps;

/** The 4.x graders in this JVM. */
class AcolGradersTest {
  /** Min–max per map on the host, one map at a time. */
  private static NDArray hostNormalise(NDArray maps) {
    long[] s = maps.getShape().getShape();
    int plane = (int) (s[1] * s[2]);
    float[] v = maps.toFloatArray();
    float[] out = new float[v.length];
    for (int b = 0; b < s[0]; b++) {
      float min = Float.POSITIVE_INFINITY;
      float max = Float.NEGATIVE_INFINITY;
      for (int i = 0; i < plane; i++) {
        min = Math.min(min, v[b * plane + i]);
        max = Math.max(max, v[b * plane + i]);
      }
      for (int i = 0; i < plane && max > min; i++) out[b * plane + i] = (v[b * plane + i] - min) / (max - min);
    }
    return maps.getManager().create(out, maps.getShape());
  }

  @Test
  void masksWrittenDifferentlyPass() {
    passes(ErasingMaskGrader.class, ErasingMaskHiddenGrader.class, (ErasingMask) AcolHead::keepMask);
    passes(ErasingMaskGrader.class, ErasingMaskHiddenGrader.class, (ErasingMask) (m, d) -> hostNormalise(m).lt(d).toType(DataType.FLOAT32, false));
    passes(ErasingMaskGrader.class, ErasingMaskHiddenGrader.class,
        (ErasingMask) (m, d) -> hostNormalise(m).gte(d).logicalNot().toType(DataType.FLOAT32, false));
    // the raw map against min + δ·(max − min), without dividing
    passes(ErasingMaskGrader.class, ErasingMaskHiddenGrader.class, (ErasingMask) (m, d) -> {
      NDArray flat = m.reshape(m.getShape().get(0), -1);
      NDArray min = flat.min(new int[] {1}, true);
      NDArray max = flat.max(new int[] {1}, true);
      NDArray cut = min.add(max.sub(min).mul(d));
      return flat.lt(cut).logicalOr(max.eq(min)).toType(DataType.FLOAT32, false).reshape(m.getShape());
    });
  }

  @Test
  void masksOfAnotherDtypeFailEvenWhenTheirValuesConvert() {
    String bool = firstFailure(ErasingMaskGrader.class, (ErasingMask) (m, d) -> hostNormalise(m).lt(d));
    assertTrue(bool.startsWith("hand-computed: a value exactly at δ is erased") && bool.contains("returned boolean; the result must be float32"
        + " — a comparison (lt, gte, eq, …) gives a boolean array: convert it with toType(DataType.FLOAT32, false)"), bool);
    String int32 = firstFailure(ErasingMaskGrader.class, (ErasingMask) (m, d) -> hostNormalise(m).lt(d).toType(DataType.INT32, false));
    assertTrue(int32.contains("returned int32; the result must be float32"), int32);
  }

  @Test
  void maskGuardsThatTreatATinyRangeAsConstantPassTheVisibleTestsAndFailTheHiddenOne() {
    String epsilon = caughtOnlyByHidden(ErasingMaskGrader.class, ErasingMaskHiddenGrader.class, (ErasingMask) (m, d) -> {
      NDArray flat = m.reshape(m.getShape().get(0), -1);
      NDArray min = flat.min(new int[] {1}, true);
      NDArray range = flat.max(new int[] {1}, true).sub(min);
      return flat.sub(min).div(range.add(1e-8f)).lt(d).toType(DataType.FLOAT32, false).reshape(m.getShape());
    });
    assertTrue(epsilon.startsWith("a range that is tiny but not 0 is not constant") && epsilon.contains("element [0][1][1] should be 0.0 but is 1.0")
        && epsilon.contains("An epsilon added to max − min"), epsilon);
    String absolute = caughtOnlyByHidden(ErasingMaskGrader.class, ErasingMaskHiddenGrader.class, (ErasingMask) (m, d) -> {
      NDArray flat = m.reshape(m.getShape().get(0), -1);
      NDArray min = flat.min(new int[] {1}, true);
      NDArray range = flat.max(new int[] {1}, true).sub(min);
      NDArray constant = range.lt(1e-6f).toType(DataType.FLOAT32, false);
      return flat.sub(min).div(range.add(constant)).mul(constant.neg().add(1f)).lt(d).toType(DataType.FLOAT32, false).reshape(m.getShape());
    });
    assertTrue(absolute.startsWith("a range that is tiny but not 0 is not constant") && absolute.contains("element [0][1][1] should be 0.0 but is 1.0"),
        absolute);
  }

  @Test
  void aMaskThatRoundsNearDeltaFails() {
    String rounded = firstFailure(ErasingMaskGrader.class, (ErasingMask) (m, d) -> {
      NDArray percent = hostNormalise(m).mul(100f).round();
      return percent.lt(Math.round(d * 100)).toType(DataType.FLOAT32, false);
    });
    assertTrue(rounded.startsWith("hand-computed: values just below δ are kept, at and just above δ erased")
        && rounded.contains("element [0][0][1] should be 1.0 but is 0.0"), rounded);
  }

  @Test
  void maskStubIsTodo() {
    todo(ErasingMaskGrader.class, (ErasingMask) (m, d) -> { throw new NotSolvedYet("4.1"); });
  }

  @Test
  void maskMistakesFail() {
    String strict = firstFailure(ErasingMaskGrader.class, (ErasingMask) (m, d) -> hostNormalise(m).lte(d).toType(DataType.FLOAT32, false));
    assertTrue(strict.startsWith("hand-computed: a value exactly at δ is erased") && strict.contains("element [0][1][0] should be 0.0 but is 1.0"),
        strict);
    String batch = firstFailure(ErasingMaskGrader.class, (ErasingMask) (m, d) -> {
      float min = m.min().getFloat();
      float max = m.max().getFloat();
      return m.sub(min).div(max - min).lt(d).toType(DataType.FLOAT32, false);
    });
    assertTrue(batch.startsWith("hand-computed: each map is normalised on its own"), batch);
  }

  @Test
  void erasingWrittenDifferentlyPasses() {
    passes(EraseFeaturesGrader.class, EraseFeaturesHiddenGrader.class, (EraseFeatures) (f, m) -> f.mul(m.expandDims(1)));
    passes(EraseFeaturesGrader.class, EraseFeaturesHiddenGrader.class,
        (EraseFeatures) (f, m) -> f.mul(m.reshape(m.getShape().get(0), 1, m.getShape().get(1), m.getShape().get(2))));
  }

  @Test
  void erasingStubIsTodoAndMistakesFail() {
    todo(EraseFeaturesGrader.class, (EraseFeatures) (f, m) -> { throw new NotSolvedYet("4.2"); });
    String inverted = firstFailure(EraseFeaturesGrader.class, (EraseFeatures) (f, m) -> f.mul(m.neg().add(1f).expandDims(1)));
    assertTrue(inverted.contains("element [0][0][0][0] should be 1.0 but is 0.0"), inverted);
    String batchAxis = firstFailure(EraseFeaturesGrader.class, (EraseFeatures) (f, m) -> f.mul(m.expandDims(0)));
    assertTrue(batchAxis.startsWith("hand-computed: two images, two channels"), batchAxis);
    String float64 = firstFailure(EraseFeaturesGrader.class, (EraseFeatures) (f, m) -> f.mul(m.expandDims(1).toType(DataType.FLOAT64, false)));
    assertTrue(float64.contains("returned float64; the result must be float32"), float64);
  }

  @Test
  void erasingInPlaceForOneImagePassesTheVisibleTestsAndFailsTheHiddenOne() {
    String oneImageInPlace = caughtOnlyByHidden(EraseFeaturesGrader.class, EraseFeaturesHiddenGrader.class,
        (EraseFeatures) (f, m) -> f.getShape().get(0) == 1 ? f.muli(m.expandDims(1)) : f.mul(m.expandDims(1)));
    assertTrue(oneImageInPlace.startsWith("a batch of one image") && oneImageInPlace.contains("eraseFeatures(features (1, 6, 5, 5), keepMask"
        + " (1, 5, 5)) modified its argument `features`"), oneImageInPlace);
  }

  @Test
  void fusionsWrittenDifferentlyPass() {
    passes(FuseMapsGrader.class, FuseMapsHiddenGrader.class, (FuseMaps) (a, b) -> MapOps.minMaxNormalize(a).maximum(MapOps.minMaxNormalize(b)));
    passes(FuseMapsGrader.class, FuseMapsHiddenGrader.class, (FuseMaps) (a, b) -> hostNormalise(a).maximum(hostNormalise(b)));
  }

  @Test
  void fusionStubIsTodoAndMistakesFail() {
    todo(FuseMapsGrader.class, (FuseMaps) (a, b) -> { throw new NotSolvedYet("4.3"); });
    String raw = firstFailure(FuseMapsGrader.class, (FuseMaps) (a, b) -> a.maximum(b));
    assertTrue(raw.contains("element [0][0][0] should be 1.0 but is 5.0") && raw.contains("normalise first"), raw);
    String float64 = firstFailure(FuseMapsGrader.class,
        (FuseMaps) (a, b) -> hostNormalise(a).maximum(hostNormalise(b)).toType(DataType.FLOAT64, false));
    assertTrue(float64.contains("returned float64"), float64);
    String zeroesConstantInPlace = firstFailure(FuseMapsGrader.class, (FuseMaps) (a, b) -> {
      if (b.max().getFloat() == b.min().getFloat()) b.muli(0f);   // "a constant map counts as zeros"
      return hostNormalise(a).maximum(hostNormalise(b));
    });
    assertTrue(zeroesConstantInPlace.startsWith("constant maps count as zeros") && zeroesConstantInPlace.contains("modified its argument `mapsB`"),
        zeroesConstantInPlace);
  }

  @Test
  void fusionWithAnEpsilonGuardPassesTheVisibleTestsAndFailsTheHiddenOne() {
    String epsilon = caughtOnlyByHidden(FuseMapsGrader.class, FuseMapsHiddenGrader.class,
        (FuseMaps) (a, b) -> epsilonNormalise(a).maximum(epsilonNormalise(b)));
    assertTrue(epsilon.startsWith("a range that is tiny but not 0 is not constant") && epsilon.contains("should be 0.25 but is"), epsilon);
  }

  /** Min–max per map with an epsilon in the denominator instead of a guard. */
  private static NDArray epsilonNormalise(NDArray maps) {
    NDArray flat = maps.reshape(maps.getShape().get(0), -1);
    NDArray min = flat.min(new int[] {1}, true);
    return flat.sub(min).div(flat.max(new int[] {1}, true).sub(min).add(1e-7f)).reshape(maps.getShape());
  }
}
