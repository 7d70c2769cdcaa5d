package camlab.evaluate.sanity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SpearmanTest {
  @Test
  void tiesShareTheirAverageRank() {
    assertArrayEquals(new double[] {2, 3.5, 3.5, 1}, Spearman.ranks(new float[] {10, 20, 20, 5}), 0);
    assertArrayEquals(new double[] {2, 2, 2}, Spearman.ranks(new float[] {7, 7, 7}), 0);
  }

  @Test
  void goldenCorrelationWithTies() {
    // ranks (1, 2.5, 2.5, 4) vs (1, 3, 2, 4): Σ d_x d_y = 4.5, Σ d_x² = 4.5, Σ d_y² = 5 → 4.5 / √22.5
    // (scipy.stats.spearmanr([1,2,2,3], [1,3,2,4]) = 0.9486832980505138)
    assertEquals(4.5 / Math.sqrt(22.5), Spearman.of(new float[] {1, 2, 2, 3}, new float[] {1, 3, 2, 4}), 1e-12);
  }

  @Test
  void monotoneMapsCorrelatePerfectly() {
    float[] a = {0.1f, 0.7f, 0.3f, 0.9f, 0.5f};
    float[] increasing = {1, 50, 2, 1000, 3};
    float[] decreasing = {9, -5, 8, -100, 0};
    assertEquals(1.0, Spearman.of(a, increasing), 1e-12);
    assertEquals(-1.0, Spearman.of(a, decreasing), 1e-12);
  }

  @Test
  void absoluteValuesIgnoreTheSign() {
    float[] a = {-3, -1, 2, 0};
    float[] b = {3, 1, 2, 0};
    assertEquals(1.0, Spearman.absolute(a, b), 1e-12);
    // signed ranks (1, 2, 4, 3) vs (4, 2, 3, 1): Σ d_x d_y = −1.5·1.5 − 0.5·(−0.5) + 1.5·0.5 + 0.5·(−1.5) = −2, Σ d² = 5
    assertEquals(-2.0 / 5, Spearman.of(a, b), 1e-12);
  }

  @Test
  void constantOrInvalidInput() {
    assertTrue(Double.isNaN(Spearman.of(new float[] {1, 1, 1}, new float[] {1, 2, 3})));
    assertThrows(IllegalArgumentException.class, () -> Spearman.of(new float[] {1, Float.NaN}, new float[] {1, 2}));
    assertThrows(IllegalArgumentException.class, () -> Spearman.of(new float[] {1, 2}, new float[] {1, 2, 3}));
  }
}
