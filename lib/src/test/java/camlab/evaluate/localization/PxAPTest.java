package camlab.evaluate.localization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PxAPTest {
  /** A 4×4 mask with 3 foreground pixels: prevalence 3/16. */
  private static final boolean[] MASK = new boolean[16];

  static {
    MASK[5] = MASK[6] = MASK[9] = true;
  }

  @Test
  void perfectMapScoresOneHundred() {
    float[] perfect = new float[16];
    for (int p = 0; p < 16; p++) perfect[p] = MASK[p] ? 1f : 0f;
    PxAP pxap = new PxAP();
    pxap.add(perfect, MASK);
    assertEquals(100.0, pxap.value(), 1e-12);
  }

  @Test
  void constantMapScoresTheForegroundPrevalence() {
    for (float value : new float[] {0f, 0.5f, 1f}) {
      float[] constant = new float[16];
      Arrays.fill(constant, value);
      PxAP pxap = new PxAP();
      pxap.add(constant, MASK);
      pxap.add(constant, new boolean[16]); // a second image without foreground: prevalence 3/32 over both
      assertEquals(100.0 * 3 / 32, pxap.value(), 1e-12, "constant " + value);
    }
  }

  @Test
  void goldenAveragePrecisionPooledOverImages() {
    // foreground scores {0.9, 0.4}, background {0.6, 0.1}, in two images.
    // τ = 0.9: P 1, R 1/2 → 1/2;  τ = 0.6: P 1/2, R 1/2 → 0;  τ = 0.4: P 2/3, R 1 → 1/3;  τ = 0.1: R unchanged → 0
    PxAP pxap = new PxAP();
    pxap.add(new float[] {0.9f, 0.6f}, new boolean[] {true, false});
    pxap.add(new float[] {0.1f, 0.4f}, new boolean[] {false, true});
    assertEquals(100 * (0.5 + 1.0 / 3), pxap.value(), 1e-9);
  }

  @Test
  void scoresInTheSameBinAreTied() {
    // wsolevaluation's bins are 0.01 wide: 0.999 (foreground) and 0.991 (background) share [0.99, 1) → precision 1/2
    PxAP pxap = new PxAP();
    pxap.add(new float[] {0.999f, 0.991f}, new boolean[] {true, false});
    assertEquals(50.0, pxap.value(), 1e-9);
    // 1.0 has a bin of its own, [1, 2)
    PxAP top = new PxAP();
    top.add(new float[] {1.0f, 0.995f}, new boolean[] {true, false});
    assertEquals(100.0, top.value(), 1e-9);
  }

  @Test
  void invalidInputIsRejected() {
    PxAP pxap = new PxAP();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> pxap.add(new float[] {Float.NaN, 0}, new boolean[] {true, false}));
    assertTrue(e.getMessage().contains("NaN"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> pxap.add(new float[] {-0.1f, 0}, new boolean[] {true, false}));
    assertThrows(IllegalArgumentException.class, () -> pxap.add(new float[] {0, 0}, new boolean[] {true}));
    assertThrows(IllegalStateException.class, pxap::value);
    pxap.add(new float[] {0.3f, 0.7f}, new boolean[2]);
    IllegalStateException noForeground = assertThrows(IllegalStateException.class, pxap::value);
    assertTrue(noForeground.getMessage().contains("no foreground"), noForeground.getMessage());
  }
}
