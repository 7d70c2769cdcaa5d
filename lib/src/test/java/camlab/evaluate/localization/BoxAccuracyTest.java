package camlab.evaluate.localization;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import camlab.ops.Box;
import camlab.ops.MapBoxes;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Golden values in the style of wsolevaluation's evaluation_test.py, computed by hand. */
class BoxAccuracyTest {
  private static List<Box> boxesAt(float[] map, int h, int w, double tau) {
    return BoxAccuracy.components(map, h, w, tau).stream().map(MapBoxes.Component::box).toList();
  }

  private static Box largestAt(float[] map, int h, int w, double tau) {
    MapBoxes.Component best = null;
    for (MapBoxes.Component c : BoxAccuracy.components(map, h, w, tau)) {
      if (best == null || c.pixels() > best.pixels()) best = c;
    }
    return best == null ? null : best.box();
  }

  @Test
  void iouOfKnownBoxes() {
    // wsolevaluation's "realistic values" case: inclusive coordinates, intersection 2×4 = 8, union 25 + 10 − 8 = 27
    assertEquals(8.0 / 27, new Box(1, 2, 5, 6).iou(new Box(3, 1, 4, 5)), 1e-12);
    assertEquals(1.0, new Box(4, 4, 5, 5).iou(new Box(4, 4, 5, 5)), 0);
    assertEquals(0.0, new Box(1, 1, 3, 3).iou(new Box(4, 4, 5, 5)), 0);
    assertEquals(1.0 / 4, new Box(0, 0, 0, 0).iou(new Box(0, 0, 1, 1)), 0); // one pixel inside a 2×2 box
  }

  @Test
  void unimodalMapGivesNestedBoxes() {
    // wsolevaluation's unimodal map; its answers are [1,1,4,3] [1,1,4,3] [2,1,4,3] [2,2,4,3] [2,2,3,3] — the same up
    // to its boundingRect off-by-one (x + w used as the inclusive right edge); ours are the tight boxes.
    float[] map = {
        0.0f, 0.0f, 0.0f, 0.0f, 0.0f,
        0.0f, 0.4f, 0.4f, 0.4f, 0.6f,
        0.0f, 0.4f, 1.0f, 0.8f, 0.6f,
        0.0f, 0.4f, 0.4f, 0.4f, 0.6f,
    };
    assertEquals(new Box(1, 1, 4, 3), largestAt(map, 4, 5, 0.0)); // q > 0
    assertEquals(new Box(1, 1, 4, 3), largestAt(map, 4, 5, 0.2)); // q > 51
    assertEquals(new Box(2, 1, 4, 3), largestAt(map, 4, 5, 0.4)); // q > 102: 0.4 → 102 is out
    assertEquals(new Box(2, 2, 3, 2), largestAt(map, 4, 5, 0.6)); // q > 153: only 1.0 and 0.8
    assertEquals(new Box(2, 2, 2, 2), largestAt(map, 4, 5, 0.8)); // q > 204: only the peak
  }

  @Test
  void multimodalMapLargestMeansMostPixels() {
    // wsolevaluation's multimodal map. Its answers differ where it picks the largest cv2.contourArea (the polygon
    // through the outline's pixel centres) instead of the most pixels, and by its off-by-one.
    float[] map = {
        0.4f, 0.0f, 0.2f, 0.2f, 0.2f,
        0.4f, 0.4f, 0.0f, 0.4f, 0.0f,
        0.0f, 0.0f, 0.0f, 0.4f, 0.0f,
        1.0f, 0.6f, 0.8f, 0.2f, 0.2f,
    };
    assertEquals(new Box(0, 0, 4, 3), largestAt(map, 4, 5, 0.0)); // everything non-zero is one 8-connected region
    // q > 51 drops the 0.2s (⌊0.2·255⌋ = 51): {(0,0),(0,1),(1,1)} (3 px) and {(3,1),(3,2),(2,3),(1,3),(0,3)} (5 px)
    assertEquals(List.of(new Box(0, 0, 1, 1), new Box(0, 1, 3, 3)), boxesAt(map, 4, 5, 0.2));
    assertEquals(new Box(0, 1, 3, 3), largestAt(map, 4, 5, 0.2));
    assertEquals(new Box(0, 3, 2, 3), largestAt(map, 4, 5, 0.4));
    // q > 153: two single pixels (the 0.6 between them is out); the tie goes to the first in scan order
    assertEquals(List.of(new Box(0, 3, 0, 3), new Box(2, 3, 2, 3)), boxesAt(map, 4, 5, 0.6));
    assertEquals(new Box(0, 3, 0, 3), largestAt(map, 4, 5, 0.6));
    assertEquals(new Box(0, 3, 0, 3), largestAt(map, 4, 5, 0.8));
  }

  @Test
  void degenerateMapGivesNoBoxAtAnyThreshold() {
    float[] zeros = new float[9];
    for (double tau = 0; tau < 1; tau += 0.2) assertTrue(boxesAt(zeros, 3, 3, tau).isEmpty());
    BoxAccuracy accuracy = new BoxAccuracy();
    accuracy.add(zeros, 3, 3, new Box(0, 0, 0, 0), true); // no box is a miss, even against a one-pixel box
    assertEquals(0.0, MaxBoxAcc.of(accuracy).value(), 0);
  }

  @Test
  void aMapEqualToTheBoxIndicatorScoresOneHundred() {
    BoxAccuracy accuracy = new BoxAccuracy();
    Box[] truths = {new Box(2, 3, 6, 8), new Box(0, 0, 9, 9), new Box(5, 5, 5, 5)};
    for (Box truth : truths) accuracy.add(indicator(truth, 10, 10), 10, 10, truth, true);
    assertEquals(100.0, MaxBoxAcc.of(accuracy).value(), 0);
    assertEquals(100.0, MaxBoxAccV2.of(accuracy), 0);
    for (double v : accuracy.curve(BoxAccuracy.Mode.LARGEST, 0.7)) assertEquals(100.0, v, 0); // at every τ
  }

  /**
   * Three 10×10 images, hand-made so that every part of the metric matters:
   * <ul>
   *   <li>A: truth (0,0)-(4,4), 25 px. Map: 1 on (0,0)-(2,4) (15 px, IoU 0.6) and 1 on a bigger blob (2,6)-(9,9)
   *       (32 px, IoU 0). The largest component misses at every τ; the best component has IoU 0.6.
   *   <li>B: truth (2,2)-(7,7), 36 px. Map: 1 on (2,2)-(7,5), 0.3 on (2,6)-(7,7). τ ≤ 0.29 (cut ≤ 73 &lt; 76):
   *       box = truth, IoU 1; τ ≥ 0.30: (2,2)-(7,5), IoU 24/36.
   *   <li>C: truth = whole image. Map: 1 on (0,0)-(2,2), 0.5 elsewhere. τ ≤ 0.49 (cut ≤ 124 &lt; 127): IoU 1;
   *       τ ≥ 0.5: (0,0)-(2,2), IoU 0.09.
   * </ul>
   */
  @Test
  void goldenValuesOnAHandMadeSet() {
    float[] a = new float[100];
    fill(a, new Box(0, 0, 2, 4), 1f);
    fill(a, new Box(2, 6, 9, 9), 1f);
    float[] b = new float[100];
    fill(b, new Box(2, 2, 7, 5), 1f);
    fill(b, new Box(2, 6, 7, 7), 0.3f);
    float[] c = new float[100];
    fill(c, new Box(0, 0, 9, 9), 0.5f);
    fill(c, new Box(0, 0, 2, 2), 1f);
    BoxAccuracy accuracy = new BoxAccuracy();
    accuracy.add(a, 10, 10, new Box(0, 0, 4, 4), true);
    accuracy.add(b, 10, 10, new Box(2, 2, 7, 7), false); // misclassified
    accuracy.add(c, 10, 10, new Box(0, 0, 9, 9), true);

    // largest component, δ = 0.5: A never (its largest blob is the wrong one); B always (IoU 1, then 0.67);
    // C while τ ≤ 0.49
    double[] largest = accuracy.curve(BoxAccuracy.Mode.LARGEST, 0.5);
    assertEquals(200.0 / 3, largest[0], 1e-9);
    assertEquals(200.0 / 3, largest[49], 1e-9);
    assertEquals(100.0 / 3, largest[50], 1e-9);
    assertEquals(100.0 / 3, largest[99], 1e-9);
    MaxBoxAcc.Result max = MaxBoxAcc.of(accuracy);
    assertEquals(200.0 / 3, max.value(), 1e-9);
    assertEquals(0.0, max.threshold(), 0); // the first τ reaching the maximum

    // all components: δ = 0.3 and 0.5 reach 3/3 at τ ≤ 0.29; δ = 0.7 fails A (0.6) everywhere: best 2/3 at τ ≤ 0.29
    assertEquals(100.0, max(accuracy.curve(BoxAccuracy.Mode.ALL_COMPONENTS, 0.3)), 1e-9);
    assertEquals(100.0, max(accuracy.curve(BoxAccuracy.Mode.ALL_COMPONENTS, 0.5)), 1e-9);
    assertEquals(200.0 / 3, max(accuracy.curve(BoxAccuracy.Mode.ALL_COMPONENTS, 0.7)), 1e-9);
    assertEquals(100.0 / 3, accuracy.curve(BoxAccuracy.Mode.ALL_COMPONENTS, 0.7)[30], 1e-9); // only C
    assertEquals((100 + 100 + 200.0 / 3) / 3, MaxBoxAccV2.of(accuracy), 1e-9);

    // GT-known and Top-1 Loc at a fixed τ; B is misclassified so it never counts for Top-1
    assertEquals(200.0 / 3, GtKnownLoc.at(accuracy, 0.2), 1e-9);
    assertEquals(100.0 / 3, GtKnownLoc.at(accuracy, 0.5), 1e-9);
    assertEquals(100.0 / 3, Top1Loc.at(accuracy, 0.2), 1e-9); // C
    assertEquals(0.0, Top1Loc.at(accuracy, 0.5), 1e-9);
    assertEquals(0.0, GtKnownLoc.chooseThreshold(accuracy), 0);
  }

  @Test
  void equalSizedComponentsTieToTheFirstInScanOrder() {
    float[] map = new float[32]; // 4 rows × 8 columns: two 2×2 blobs
    for (int p : new int[] {0, 1, 8, 9}) map[p] = 1f; // (0,0)-(1,1), first in row-major order
    for (int p : new int[] {21, 22, 29, 30}) map[p] = 1f; // (5,2)-(6,3)
    BoxAccuracy first = new BoxAccuracy();
    first.add(map, 4, 8, new Box(0, 0, 1, 1), true);
    assertEquals(100.0, MaxBoxAcc.of(first).value(), 0);
    BoxAccuracy second = new BoxAccuracy();
    second.add(map, 4, 8, new Box(5, 2, 6, 3), true);
    assertEquals(0.0, MaxBoxAcc.of(second).value(), 0); // the largest-component box is the first blob's
    assertEquals(100.0, MaxBoxAccV2.of(second), 0); // all components: the second blob matches
  }

  @Test
  void thresholdGridIsNumpysArange() {
    double[] grid = new BoxAccuracy().thresholds();
    assertEquals(100, grid.length);
    assertEquals(0.0, grid[0], 0);
    assertEquals(29 * 0.01, grid[29], 0);
    assertEquals(0.99, grid[99], 1e-12);
    assertArrayEquals(new double[] {0, 0.25, 0.5, 0.75}, new BoxAccuracy(0.25, List.of(0.5)).thresholds(), 0);
    assertEquals(37, new BoxAccuracy().thresholdIndex(0.372));
  }

  @Test
  void invalidMapsAreRejectedWithAClearMessage() {
    BoxAccuracy accuracy = new BoxAccuracy();
    float[] nan = {0, 0.5f, Float.NaN, 1};
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> accuracy.add(nan, 2, 2, new Box(0, 0, 1, 1), true));
    assertTrue(e.getMessage().contains("NaN at pixel 2") && e.getMessage().contains("check the model's output"), e.getMessage());
    float[] raw = {0, 3.5f, 1, 1};
    e = assertThrows(IllegalArgumentException.class, () -> accuracy.add(raw, 2, 2, new Box(0, 0, 1, 1), true));
    assertTrue(e.getMessage().contains("outside [0, 1]") && e.getMessage().contains("Normalise"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> accuracy.add(new float[5], 2, 2, new Box(0, 0, 1, 1), true));
    assertThrows(IllegalStateException.class, () -> MaxBoxAcc.of(accuracy)); // nothing was counted
    assertThrows(IllegalArgumentException.class, () -> accuracy.curve(BoxAccuracy.Mode.LARGEST, 0.9)); // δ not counted
  }

  static float[] indicator(Box box, int h, int w) {
    float[] map = new float[h * w];
    fill(map, box, 1f);
    return map;
  }

  /** Sets the pixels of {@code box} (on a 10-wide map) to {@code value}. */
  private static void fill(float[] map, Box box, float value) {
    int w = (int) Math.sqrt(map.length);
    for (int y = box.y0(); y <= box.y1(); y++) {
      for (int x = box.x0(); x <= box.x1(); x++) map[y * w + x] = value;
    }
  }

  private static double max(double[] curve) {
    double m = Double.NEGATIVE_INFINITY;
    for (double v : curve) m = Math.max(m, v);
    return m;
  }
}
