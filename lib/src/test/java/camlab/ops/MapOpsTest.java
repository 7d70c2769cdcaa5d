package camlab.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import camlab.TestDevice;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag(TestDevice.ENGINE)
class MapOpsTest {
  private NDManager manager;

  @BeforeEach
  void open() {
    manager = TestDevice.manager();
  }

  @AfterEach
  void close() {
    manager.close();
  }

  private NDArray maps(float[] values, long b, long h, long w) {
    return manager.create(values, new Shape(b, h, w));
  }

  @Test
  void minMaxScalesEachMapIntoUnitRange() {
    NDArray m = maps(new float[] {1, 3, 5, 9, /* second map */ -2, -2, 0, 2}, 2, 2, 2);
    assertArrayEquals(new float[] {0, 0.25f, 0.5f, 1, 0, 0, 0.5f, 1}, MapOps.minMaxNormalize(m).toFloatArray(), 1e-7f);
  }

  @Test
  void constantMapBecomesZerosNotNaN() {
    NDArray m = maps(new float[] {4, 4, 4, 4, 0, 0, 0, 0, 1, 2, 3, 4}, 3, 2, 2);
    float[] out = MapOps.minMaxNormalize(m).toFloatArray();
    assertArrayEquals(new float[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 1 / 3f, 2 / 3f, 1}, out, 1e-7f);
  }

  @Test
  void tinyButGenuineVariationIsStillNormalized() {
    NDArray m = maps(new float[] {0, 1e-9f, 2e-9f, 4e-9f}, 1, 2, 2);
    assertArrayEquals(new float[] {0, 0.25f, 0.5f, 1}, MapOps.minMaxNormalize(m).toFloatArray(), 1e-6f);
  }

  @Test
  void maxNormalizationDividesByTheMaximum() {
    NDArray m = maps(new float[] {0, 1, 2, 4, -1, -2, -3, -4}, 2, 2, 2);
    assertArrayEquals(new float[] {0, 0.25f, 0.5f, 1, 0, 0, 0, 0}, MapOps.maxNormalize(m).toFloatArray(), 1e-7f);
  }

  @Test
  void nanOrInfinityIsRejectedNamingTheMap() {
    NDArray m = maps(new float[] {1, 2, 3, 4, 1, Float.NaN, 0, 0}, 2, 2, 2);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MapOps.minMaxNormalize(m));
    assertTrue(e.getMessage().contains("Map 1"), e.getMessage());
    NDArray inf = maps(new float[] {Float.POSITIVE_INFINITY, 0, 0, 0}, 1, 2, 2);
    assertThrows(IllegalArgumentException.class, () -> MapOps.maxNormalize(inf));
  }

  @Test
  void wrongRankIsRejected() {
    NDArray m = manager.create(new float[] {1, 2, 3, 4}, new Shape(2, 2));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MapOps.minMaxNormalize(m));
    assertTrue(e.getMessage().contains("[batch, height, width]"));
  }

  @Test
  void bilinearUpsamplingUsesHalfPixelCentres() {
    // 1×2 → 1×4 with align_corners=false: output x maps to input (x + 0.5)/2 − 0.5 = −0.25, 0.25, 0.75, 1.25 (clamped)
    NDArray m = maps(new float[] {0, 4}, 1, 1, 2);
    float[] up = MapOps.upsampleBilinear(m, 1, 4).toFloatArray();
    assertArrayEquals(new float[] {0, 1, 3, 4}, up, 1e-6f);
  }

  @Test
  void bicubicIsRenormalisedOntoTheInputRange() {
    NDArray m = maps(new float[] {0, 1, 0, 0, 1, 0, 0, 0, 0}, 1, 3, 3);
    NDArray up = MapOps.upsampleBicubic(m, 12, 12);
    assertEquals(new Shape(1, 12, 12), up.getShape());
    assertEquals(0f, up.min().getFloat(), 1e-6f);
    assertEquals(1f, up.max().getFloat(), 1e-6f);
  }

  @Test
  void reluKeepsPositiveEvidence() {
    NDArray m = maps(new float[] {-1, 2, 0, -3}, 1, 2, 2);
    assertArrayEquals(new float[] {0, 2, 0, 0}, MapOps.relu(m).toFloatArray());
  }

  /** One pass on the host, or the engine for shrinking and large batches: always the two steps' maps, bit for bit. */
  @Test
  void upsamplingThenNormalisingAtOnceGivesTheTwoStepsMaps() {
    manager.getEngine().setRandomSeed(13);
    NDArray small = manager.randomNormal(new Shape(3, 16, 16)).mul(20f);
    NDArray withConstantMap = small.concat(manager.full(new Shape(1, 16, 16), -1.5f), 0);
    NDArray large = manager.randomNormal(new Shape(40, 16, 16)); // 40 × 64 × 64 values: above FastKernels.MAX_HOST_VALUES
    int[][] cases = {{64, 64}, {64, 64}, {64, 64}, {8, 8}};
    NDArray[] inputs = {small, withConstantMap, large, small};
    for (int i = 0; i < inputs.length; i++) {
      float[] twoSteps = MapOps.minMaxNormalize(MapOps.upsampleBilinear(inputs[i], cases[i][0], cases[i][1])).toFloatArray();
      float[] atOnce = MapOps.upsampleBilinearThenMinMax(inputs[i], cases[i][0], cases[i][1]).toFloatArray();
      assertArrayEquals(twoSteps, atOnce, 0f, "case " + i);
    }
    assertArrayEquals(new float[4096], java.util.Arrays.copyOfRange(
        MapOps.upsampleBilinearThenMinMax(withConstantMap, 64, 64).toFloatArray(), 3 * 4096, 4 * 4096), 0f, "a constant map becomes zeros");
    // the host loop tests min and max once per map: a NaN, +Inf or -Inf anywhere in map 1 must still be named
    for (float nonFinite : new float[] {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY}) {
      NDArray bad = maps(new float[] {1, 2, 3, 4, 1, 2, 3, nonFinite}, 2, 2, 2);
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MapOps.upsampleBilinearThenMinMax(bad, 4, 4));
      assertTrue(e.getMessage().contains("Map 1"), nonFinite + ": " + e.getMessage());
      e = assertThrows(IllegalArgumentException.class, () -> MapOps.minMaxNormalize(bad));
      assertTrue(e.getMessage().contains("Map 1"), nonFinite + ": " + e.getMessage());
    }
  }
}
