package camlab.ops.kernels;

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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The fast paths against the straightforward NDArray versions, and the constants the fast context owns. */
@Tag(TestDevice.ENGINE)
class FastKernelsTest {
  private static final MapKernels REFERENCE = MapKernels.reference();
  private NDManager manager;
  private FastKernels fast;

  @BeforeEach
  void open() {
    manager = TestDevice.manager();
    fast = new FastKernels();
  }

  @AfterEach
  void close() {
    fast.close();
    manager.close();
  }

  private NDArray maps(float[] values, long b, long h, long w) {
    return manager.create(values, new Shape(b, h, w));
  }

  /** The CPU path (one loop over a Java array) against the engine path that GPU maps take, on random batches. */
  @Test
  void hostAndEnginePathsUpsampleAlike() {
    manager.getEngine().setRandomSeed(11);
    int[][] sizes = {{16, 16, 64, 64}, {7, 7, 224, 224}, {5, 3, 12, 7}, {1, 2, 1, 4}, {3, 3, 3, 3}};
    for (int[] s : sizes) {
      NDArray m = manager.randomNormal(new Shape(3, s[0], s[1]));
      float[] host = HostLoops.upsampleBilinear(m, s[2], s[3]).toFloatArray();
      float[] engine = REFERENCE.upsampleBilinear(m, s[2], s[3]).toFloatArray();
      // bit for bit where PyTorch runs its AVX2/AVX-512 kernel (fused multiply-adds); 1e-6 allows a kernel without them
      assertArrayEquals(engine, host, 1e-6f, java.util.Arrays.toString(s));
    }
    NDArray m = manager.randomNormal(new Shape(2, 6, 6)); // shrinking takes the engine path in both calls
    assertArrayEquals(REFERENCE.upsampleBilinear(m, 4, 4).toFloatArray(), fast.upsampleBilinear(m, 4, 4).toFloatArray(), 0f);
  }

  @Test
  void hostAndEnginePathsNormaliseAlike() {
    manager.getEngine().setRandomSeed(12);
    NDArray random = manager.randomNormal(new Shape(4, 16, 16)).mul(50f);
    NDArray withConstantMap = random.concat(manager.full(new Shape(1, 16, 16), 3.5f), 0);
    // all maps vary: the engine divides by max − min computed on the device; one constant map: by host-made divisors
    for (NDArray batch : new NDArray[] {random, withConstantMap}) {
      float[] host = HostLoops.minMaxNormalize(batch).toFloatArray();
      float[] engine = REFERENCE.minMaxNormalize(batch).toFloatArray();
      assertArrayEquals(engine, host, 0f, "the same float32 subtraction and division, so the same bits");
    }
  }

  @Test
  void enginePathKeepsTheGoldenValuesAndErrors() {
    NDArray m = maps(new float[] {1, 3, 5, 9, /* second map */ -2, -2, 0, 2}, 2, 2, 2);
    assertArrayEquals(new float[] {0, 0.25f, 0.5f, 1, 0, 0, 0.5f, 1}, REFERENCE.minMaxNormalize(m).toFloatArray(), 1e-7f);
    assertArrayEquals(new float[] {0, 1, 3, 4}, REFERENCE.upsampleBilinear(maps(new float[] {0, 4}, 1, 1, 2), 1, 4).toFloatArray(), 1e-6f);
    NDArray bad = maps(new float[] {1, 2, 3, 4, 1, Float.NaN, 3, 4}, 2, 2, 2);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> REFERENCE.minMaxNormalize(bad));
    assertTrue(e.getMessage().contains("Map 1"), e.getMessage());
  }

  @Test
  void theFastPathGivesTheReferenceMapsOnEveryRoute() {
    manager.getEngine().setRandomSeed(14);
    // small enlargements (host), a shrink and a large batch (engine): the same maps bit for bit either way
    NDArray small = manager.randomNormal(new Shape(3, 16, 16)).mul(20f);
    NDArray large = manager.randomNormal(new Shape(40, 16, 16));
    int[][] cases = {{64, 64}, {8, 8}, {64, 64}};
    NDArray[] inputs = {small, small, large};
    for (int i = 0; i < inputs.length; i++) {
      int h = cases[i][0];
      int w = cases[i][1];
      assertArrayEquals(REFERENCE.upsampleBilinearThenMinMax(inputs[i], h, w).toFloatArray(),
          fast.upsampleBilinearThenMinMax(inputs[i], h, w).toFloatArray(), 1e-6f, "case " + i);
      assertArrayEquals(REFERENCE.minMaxNormalize(inputs[i]).toFloatArray(), fast.minMaxNormalize(inputs[i]).toFloatArray(), 0f, "case " + i);
    }
  }

  /** Small arrays go through the matrix product, large ones through the engine's sum: both against the reference. */
  @Test
  void spatialSumsAndMeansMatchTheReferenceOnBothPaths() {
    manager.getEngine().setRandomSeed(15);
    for (int batch : new int[] {1, 40}) {
      NDArray x = manager.randomNormal(2f, 3f, new Shape(batch, 64, 7, 9), DataType.FLOAT32);
      assertEquals(batch == 1, x.size() <= FastKernels.MAX_PRODUCT_VALUES, "one case per path");
      assertArrayEquals(REFERENCE.spatialSum(x).toFloatArray(), fast.spatialSum(x).toFloatArray(), 3e-5f * 63, "sum, batch " + batch);
      assertArrayEquals(REFERENCE.spatialMean(x).toFloatArray(), fast.spatialMean(x).toFloatArray(), 3e-5f, "mean, batch " + batch);
      assertSame(manager, fast.spatialMean(x).getManager());
    }
  }

  @Test
  void rowsPickEachImagesClassRowLikeIndexing() {
    NDArray w = manager.arange(0f, 12f).reshape(4, 3); // row c holds 3c, 3c + 1, 3c + 2
    NDArray index = manager.create(new long[] {2, 0, 2, 3});
    float[] expected = {6, 7, 8, 0, 1, 2, 6, 7, 8, 9, 10, 11};
    assertArrayEquals(expected, REFERENCE.rows(w, index).toFloatArray(), 0f);
    assertArrayEquals(expected, fast.rows(w, index).toFloatArray(), 0f);
    try (NDManager other = manager.newSubManager()) {
      NDArray otherIndex = other.create(new long[] {1});
      assertSame(other, fast.rows(w, otherIndex).getManager(), "in the index's manager");
      assertSame(other, REFERENCE.rows(w, otherIndex).getManager(), "in the index's manager");
    }
  }

  /** Seeding the backward pass with the one-hot gives Σ scores · one-hot's gradient, the same numbers. */
  @Test
  void aSeededBackwardPassGivesTheGradientOfTheWeightedSum() {
    manager.getEngine().setRandomSeed(16);
    NDArray w = manager.randomNormal(new Shape(5, 4));
    NDArray seed = manager.create(new float[] {0, 1, 0, 0, 0, 0, 0, 1}, new Shape(2, 4));
    float[][] gradients = new float[2][];
    MapKernels[] kernels = {REFERENCE, fast};
    for (int k = 0; k < 2; k++) {
      manager.getEngine().setRandomSeed(17); // the same x for both
      NDArray x = manager.randomNormal(new Shape(2, 5));
      x.setRequiresGradient(true);
      try (ai.djl.training.GradientCollector collector = manager.getEngine().newGradientCollector()) {
        kernels[k].backward(collector, x.matMul(w), seed);
      }
      gradients[k] = x.getGradient().toFloatArray();
    }
    // d/dx Σ (x·W)·seed = seed · Wᵀ: row b of the gradient is column classes[b] of W (classes 1 and 3)
    float[] wt = w.transpose().toFloatArray();
    float[] expected = new float[10];
    for (int j = 0; j < 5; j++) {
      expected[j] = wt[1 * 5 + j];
      expected[5 + j] = wt[3 * 5 + j];
    }
    assertArrayEquals(expected, gradients[0], 1e-6f, "reference");
    assertArrayEquals(gradients[0], gradients[1], 0f, "fast");
  }

  @Test
  void theConstantsAreMadeOncePerSize() {
    NDArray x = manager.ones(new Shape(2, 5, 3, 3));
    fast.spatialMean(x);
    fast.spatialSum(x);
    int constants = fast.constantCount();
    for (int i = 0; i < 10; i++) {
      try (NDManager call = manager.newSubManager()) {
        NDArray y = call.ones(new Shape(2, 5, 3, 3));
        assertArrayEquals(new float[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1}, fast.spatialMean(y).toFloatArray(), 0f);
        assertArrayEquals(new float[] {9, 9, 9, 9, 9, 9, 9, 9, 9, 9}, fast.spatialSum(y).toFloatArray(), 0f);
      }
    }
    assertEquals(constants, fast.constantCount(), "no new constant for a size seen before");
  }

  @Test
  void closingFreesTheConstantsAndRefusesFurtherUse() {
    NDArray x = manager.ones(new Shape(2, 5, 3, 3));
    fast.spatialMean(x);
    assertTrue(fast.constantCount() > 0);
    fast.close();
    assertEquals(0, fast.constantCount());
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> fast.spatialMean(x));
    assertTrue(e.getMessage().contains("closed"), e.getMessage());
  }

  @Test
  void aScopeSwitchesTheActiveKernelsAndRestoresThem() {
    MapKernels before = MapKernels.active();
    try (MapKernels.Scope scope = MapKernels.use(REFERENCE)) {
      assertSame(REFERENCE, MapKernels.active());
      try (MapKernels.Scope inner = MapKernels.use(fast)) {
        assertSame(fast, MapKernels.active());
      }
      assertSame(REFERENCE, MapKernels.active());
    }
    assertSame(before, MapKernels.active());
  }
}
