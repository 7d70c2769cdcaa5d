package camlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import camlab.TestDevice;
import camlab.ops.Box;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag(TestDevice.ENGINE)
class LocalizationSetTest {
  private final LocalizationSet test = LocalizationSet.of(LocalizationSet.Split.TEST, LocalizationSet.Settings.DEFAULT, 200);

  @Test
  void samplesAreDeterministicAndIndependentOfAccessOrder() {
    LocalizationSet again = LocalizationSet.of(LocalizationSet.Split.TEST, LocalizationSet.Settings.DEFAULT, 200);
    LocalizationSet.Sample late = again.get(57);
    assertArrayEquals(test.get(57).image(), late.image());
    assertEquals(test.get(57).box(), late.box());
    assertNotEquals(test.get(57).box(), test.get(58).box());
    LocalizationSet otherSeed = LocalizationSet.of(LocalizationSet.Split.TEST, LocalizationSet.Settings.DEFAULT.withSeed(1), 200);
    assertFalse(java.util.Arrays.equals(test.get(57).image(), otherSeed.get(57).image()));
    assertEquals(test.get(57).label(), otherSeed.get(57).label(), "the seed moves the item, not which item it is");
  }

  @Test
  void boxIsTheTightBoxOfTheMaskAndItemsAreRescaledWithinTheRange() {
    for (int i = 0; i < test.size(); i++) {
      LocalizationSet.Sample s = test.get(i);
      int n = s.size();
      int x0 = n, y0 = n, x1 = -1, y1 = -1;
      for (int p = 0; p < n * n; p++) {
        float v = s.image()[p];
        assertTrue(v >= 0 && v <= 1, "pixel in [0, 1]");
        if (s.mask()[p]) {
          x0 = Math.min(x0, p % n);
          x1 = Math.max(x1, p % n);
          y0 = Math.min(y0, p / n);
          y1 = Math.max(y1, p / n);
        }
      }
      assertEquals(new Box(x0, y0, x1, y1), s.box(), "sample " + i);
      int longest = Math.max(s.box().width(), s.box().height());
      assertTrue(longest <= Math.round(28 * 1.6) && longest >= 8, "sample " + i + " box " + s.box());
    }
  }

  @Test
  void batchesHaveTheModelShapeAndTheLabels() {
    try (NDManager m = TestDevice.manager()) {
      NDList batch = test.batch(m, 10, 14);
      assertEquals(new Shape(4, 1, 64, 64), batch.get(0).getShape());
      assertEquals(test.get(12).label(), batch.get(1).getLong(2));
      assertArrayEquals(test.get(13).image(), batch.get(0).get(3).toFloatArray());
    }
  }

  @Test
  void splitsDrawFromTheRightFiles() {
    assertEquals(59_000, LocalizationSet.of(LocalizationSet.Split.TRAIN).size());
    assertEquals(1_000, LocalizationSet.of(LocalizationSet.Split.VAL).size());
    assertEquals(FashionMnist.train().labels()[59_000 + 3], LocalizationSet.of(LocalizationSet.Split.VAL).get(3).label());
    assertEquals(FashionMnist.test().labels()[3], test.get(3).label());
  }
}
