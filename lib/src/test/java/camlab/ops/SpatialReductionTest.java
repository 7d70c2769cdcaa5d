package camlab.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import camlab.TestDevice;
import camlab.ops.kernels.FastKernels;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Tag(TestDevice.ENGINE)
class SpatialReductionTest {
  /** Small batches go through the matrix product, large ones through the engine's sum: both are checked. */
  @ParameterizedTest
  @ValueSource(ints = {1, 40})
  void sumAndMeanMatchAPlainLoopInDoubles(int batch) {
    int channels = 64;
    int h = 7;
    int w = 9;
    assertEquals(batch == 1, (long) batch * channels * h * w <= FastKernels.MAX_PRODUCT_VALUES, "one case per path");
    try (NDManager manager = TestDevice.manager()) {
      manager.getEngine().setRandomSeed(7);
      NDArray x = manager.randomNormal(2f, 3f, new Shape(batch, channels, h, w), DataType.FLOAT32);
      float[] values = x.toFloatArray();
      float[] sums = new float[batch * channels];
      float[] means = new float[batch * channels];
      for (int c = 0; c < batch * channels; c++) {
        double s = 0;
        for (int p = 0; p < h * w; p++) s += values[c * h * w + p];
        sums[c] = (float) s;
        means[c] = (float) (s / (h * w));
      }
      NDArray sum = SpatialReduction.sum(x);
      NDArray mean = SpatialReduction.mean(x);
      assertEquals(new Shape(batch, channels), sum.getShape());
      assertEquals(new Shape(batch, channels), mean.getShape());
      assertArrayEquals(sums, sum.toFloatArray(), 3e-5f * h * w, "Σ over 63 positions of N(2, 3) numbers");
      assertArrayEquals(means, mean.toFloatArray(), 3e-5f, "mean");
      assertSame(manager, sum.getManager());
    }
  }

  @Test
  void rejectsArraysThatAreNotBatchesOfChannels() {
    try (NDManager manager = TestDevice.manager()) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SpatialReduction.mean(manager.ones(new Shape(4, 4))));
      assertTrue(e.getMessage().contains("[batch, channels, height, width]") && e.getMessage().contains("(4, 4)"), e.getMessage());
    }
  }
}
