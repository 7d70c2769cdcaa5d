package camlab.exercises.graders;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static camlab.exercises.graders.GraderChecks.caughtOnlyByHidden;
import static camlab.exercises.graders.GraderChecks.firstFailure;
import static camlab.exercises.graders.GraderChecks.passes;
import static camlab.exercises.graders.GraderChecks.todo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import camlab.exercises.cell.NotSolvedYet;
import camlab.exercises.graders.localization.BoxIou;
import camlab.exercises.graders.localization.BoxIouGrader;
import camlab.exercises.graders.localization.BoxIouHiddenGrader;
import camlab.exercises.graders.localization.LargestComponentBox;
import camlab.exercises.graders.localization.LargestComponentBoxGrader;
import camlab.exercises.graders.localization.LargestComponentBoxHiddenGrader;
import camlab.exercises.graders.localization.MaxBoxAccuracy;
import camlab.exercises.graders.localization.MaxBoxAccuracyGrader;
import camlab.exercises.graders.localization.MaxBoxAccuracyHiddenGrader;
import camlab.ops.Box;
import camlab.ops.MapBoxes;

/** The 6.x graders in this JVM: the library's own answers pass, stubs are TODO, a typical mistake fails with a useful message. */
class LocalizationGradersTest {
  @Test
  void iouWrittenDifferentlyPasses() {
    passes(BoxIouGrader.class, BoxIouHiddenGrader.class, (BoxIou) (a, b) -> new Box(a[0], a[1], a[2], a[3]).iou(new Box(b[0], b[1], b[2], b[3])));
    passes(BoxIouGrader.class, BoxIouHiddenGrader.class, (BoxIou) (a, b) -> {   // apart first, then doubles
      if (a[2] < b[0] || b[2] < a[0] || a[3] < b[1] || b[3] < a[1]) return 0;
      double w = Math.min(a[2], b[2]) - Math.max(a[0], b[0]) + 1.0;
      double h = Math.min(a[3], b[3]) - Math.max(a[1], b[1]) + 1.0;
      double areaA = (a[2] - a[0] + 1.0) * (a[3] - a[1] + 1.0);
      double areaB = (b[2] - b[0] + 1.0) * (b[3] - b[1] + 1.0);
      return w * h / (areaA + areaB - w * h);
    });
    passes(BoxIouGrader.class, BoxIouHiddenGrader.class, (BoxIou) (a, b) -> {   // in float
      float w = Math.max(0, Math.min(a[2], b[2]) - Math.max(a[0], b[0]) + 1);
      float h = Math.max(0, Math.min(a[3], b[3]) - Math.max(a[1], b[1]) + 1);
      float areaA = (a[2] - a[0] + 1f) * (a[3] - a[1] + 1f);
      float areaB = (b[2] - b[0] + 1f) * (b[3] - b[1] + 1f);
      return w * h / (areaA + areaB - w * h);
    });
  }

  @Test
  void iouStubIsTodoAndExclusiveCoordinatesFail() {
    todo(BoxIouGrader.class, (BoxIou) (a, b) -> { throw new NotSolvedYet("6.1"); });
    String exclusive = firstFailure(BoxIouGrader.class, (BoxIou) (a, b) -> {
      double inter = Math.max(0, Math.min(a[2], b[2]) - Math.max(a[0], b[0])) * Math.max(0, Math.min(a[3], b[3]) - Math.max(a[1], b[1]));
      return inter / ((a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter);
    });
    assertTrue(exclusive.contains("boxIou(a [3, 5, 3, 5], b [3, 5, 3, 5]) should be 1.0 but is NaN"), exclusive);
  }

  @Test
  void iouInIntArithmeticPassesTheVisibleTestsAndFailsOnLargeBoxes() {
    String overflow = caughtOnlyByHidden(BoxIouGrader.class, BoxIouHiddenGrader.class, (BoxIou) (a, b) -> {
      int w = Math.max(0, Math.min(a[2], b[2]) - Math.max(a[0], b[0]) + 1);
      int h = Math.max(0, Math.min(a[3], b[3]) - Math.max(a[1], b[1]) + 1);
      int areaA = (a[2] - a[0] + 1) * (a[3] - a[1] + 1);
      int areaB = (b[2] - b[0] + 1) * (b[3] - b[1] + 1);
      return (double) (w * h) / (areaA + areaB - w * h);
    });
    assertTrue(overflow.startsWith("large boxes: areas beyond Integer.MAX_VALUE") && overflow.contains("an int product overflows"), overflow);
  }

  @Test
  void largestComponentWrittenDifferentlyPasses() {
    passes(LargestComponentBoxGrader.class, LargestComponentBoxHiddenGrader.class, (LargestComponentBox) (map, h, w, f) -> MapBoxes.largestComponentBox(map, h, w, f)
        .map(b -> new int[] {b.x0(), b.y0(), b.x1(), b.y1()}).orElse(new int[0]));
  }

  @Test
  void largestComponentWithAQueueAndTheLastOfTiedComponentsPasses() {
    passes(LargestComponentBoxGrader.class, LargestComponentBoxHiddenGrader.class, (LargestComponentBox) (map, h, w, f) -> {
      float max = 0;
      for (float v : map) max = Math.max(max, v);
      boolean[] seen = new boolean[map.length];
      int[] queue = new int[map.length];
      int[] best = new int[0];
      int bestPixels = 0;
      for (int s = 0; s < map.length; s++) {
        if (seen[s] || !(map[s] > f * max)) continue;
        int head = 0, tail = 0, x0 = w, y0 = h, x1 = -1, y1 = -1;
        queue[tail++] = s;
        seen[s] = true;
        while (head < tail) {
          int p = queue[head++];
          int x = p % w, y = p / w;
          x0 = Math.min(x0, x); y0 = Math.min(y0, y); x1 = Math.max(x1, x); y1 = Math.max(y1, y);
          for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
              int nx = x + dx, ny = y + dy;
              if (nx < 0 || ny < 0 || nx >= w || ny >= h) continue;
              int q = ny * w + nx;
              if (!seen[q] && map[q] > f * max) { seen[q] = true; queue[tail++] = q; }
            }
          }
        }
        if (tail >= bestPixels) { bestPixels = tail; best = new int[] {x0, y0, x1, y1}; }   // ≥: the last of tied components
      }
      return best;
    });
  }

  @Test
  void aRecursiveFloodFillPassesTheVisibleTestsAndFailsOnTheLargeMap() {
    String message = caughtOnlyByHidden(LargestComponentBoxGrader.class, LargestComponentBoxHiddenGrader.class,
        (LargestComponentBox) (map, h, w, f) -> {
          float max = 0;
          for (float v : map) max = Math.max(max, v);
          boolean[] seen = new boolean[map.length];
          int[] best = new int[0];
          int bestPixels = 0;
          for (int p = 0; p < map.length; p++) {
            if (seen[p] || !(map[p] > f * max)) continue;
            int[] box = {w, h, -1, -1, 0};
            fill(map, h, w, f * max, seen, p % w, p / w, box);
            if (box[4] > bestPixels) { bestPixels = box[4]; best = new int[] {box[0], box[1], box[2], box[3]}; }
          }
          return best;
        });
    assertTrue(message.startsWith("a large map: 512×512 with a component of about 125 000 pixels, too deep for a flood fill that calls"
        + " itself once per pixel (keep the pixels to visit in an explicit stack or queue): threw StackOverflowError"), message);
  }

  private static void fill(float[] map, int h, int w, double cut, boolean[] seen, int x, int y, int[] box) {
    if (x < 0 || y < 0 || x >= w || y >= h || seen[y * w + x] || !(map[y * w + x] > cut)) return;
    seen[y * w + x] = true;
    box[0] = Math.min(box[0], x); box[1] = Math.min(box[1], y); box[2] = Math.max(box[2], x); box[3] = Math.max(box[3], y); box[4]++;
    for (int dy = -1; dy <= 1; dy++) for (int dx = -1; dx <= 1; dx++) fill(map, h, w, cut, seen, x + dx, y + dy, box);
  }

  @Test
  void aBoxAroundTiedComponentsFails() {
    String message = firstFailure(LargestComponentBoxGrader.class, (LargestComponentBox) (map, h, w, f) -> {
      List<MapBoxes.Component> components = MapBoxes.components(map, h, w, f * max(map));
      int most = components.stream().mapToInt(MapBoxes.Component::pixels).max().orElse(0);
      int[] box = null;
      for (MapBoxes.Component c : components) {
        if (c.pixels() != most) continue;
        Box b = c.box();
        box = box == null ? new int[] {b.x0(), b.y0(), b.x1(), b.y1()}
            : new int[] {Math.min(box[0], b.x0()), Math.min(box[1], b.y0()), Math.max(box[2], b.x1()), Math.max(box[3], b.y1())};
      }
      return box == null ? new int[0] : box;
    });
    assertTrue(message.startsWith("hand-made: two components tie") && message.contains("should return [0, 0, 1, 0] but returned [0, 0, 3, 3]")
        && message.contains("[0, 0, 1, 0] or [3, 2, 3, 3], not one around both"), message);
  }

  private static float max(float[] map) {
    float max = 0;
    for (float v : map) max = Math.max(max, v);
    return max;
  }

  @Test
  void largestComponentMarkingVisitedPixelsInTheMapFails() {
    String message = firstFailure(LargestComponentBoxGrader.class, (LargestComponentBox) (map, h, w, f) -> {
      int[] box = MapBoxes.largestComponentBox(map, h, w, f).map(b -> new int[] {b.x0(), b.y0(), b.x1(), b.y1()}).orElse(new int[0]);
      double cut = f * max(map);
      for (int i = 0; i < map.length; i++) if (map[i] > cut) map[i] = -1;   // "visited"
      return box;
    });
    assertTrue(message.startsWith("hand-made: pixels that touch only at a corner") && message.contains("changed its argument `map`"
        + " (element [0] was 1.0, is now -1.0)"), message);
  }

  @Test
  void largestComponentStubIsTodoAndFourConnectivityFails() {
    todo(LargestComponentBoxGrader.class, (LargestComponentBox) (map, h, w, f) -> { throw new NotSolvedYet("6.2"); });
    String message = firstFailure(LargestComponentBoxGrader.class, (LargestComponentBox) (map, h, w, f) -> {
      float max = 0;
      for (float v : map) max = Math.max(max, v);
      int best = 0;
      int[] box = new int[0];
      boolean[] seen = new boolean[map.length];
      for (int s = 0; s < map.length; s++) {
        if (seen[s] || !(map[s] > f * max)) continue;
        java.util.ArrayDeque<Integer> queue = new java.util.ArrayDeque<>(java.util.List.of(s));
        seen[s] = true;
        int n = 0, x0 = w, y0 = h, x1 = -1, y1 = -1;
        while (!queue.isEmpty()) {
          int p = queue.poll();
          int x = p % w, y = p / w;
          n++;
          x0 = Math.min(x0, x); y0 = Math.min(y0, y); x1 = Math.max(x1, x); y1 = Math.max(y1, y);
          int[][] next = {{x + 1, y}, {x - 1, y}, {x, y + 1}, {x, y - 1}};
          for (int[] q : next) {
            if (q[0] < 0 || q[1] < 0 || q[0] >= w || q[1] >= h) continue;
            int i = q[1] * w + q[0];
            if (!seen[i] && map[i] > f * max) { seen[i] = true; queue.add(i); }
          }
        }
        if (n > best) { best = n; box = new int[] {x0, y0, x1, y1}; }
      }
      return box;
    });
    assertTrue(message.contains("should return [0, 0, 2, 2] but returned [4, 0, 5, 0]") && message.contains("8-connectivity"), message);
  }

  @Test
  void maxBoxAccFromTheLibraryPasses() {
    passes(MaxBoxAccuracyGrader.class, MaxBoxAccuracyHiddenGrader.class, (MaxBoxAccuracy) (maps, h, w, boxes, thresholds, delta) -> {
      double best = 0;
      for (double tau : thresholds) {
        long hits = java.util.stream.IntStream.range(0, maps.length).filter(n -> {
          Optional<Box> box = MapBoxes.largestComponentBox(maps[n], h, w, tau);
          return box.isPresent() && box.get().iou(new Box(boxes[n][0], boxes[n][1], boxes[n][2], boxes[n][3])) >= delta;
        }).count();
        best = Math.max(best, 100.0 * hits / maps.length);
      }
      return best;
    });
  }

  @Test
  void maxBoxAccSkippingImagesWithoutABoxPassesTheVisibleTestsAndFailsTheHiddenOne() {
    String message = caughtOnlyByHidden(MaxBoxAccuracyGrader.class, MaxBoxAccuracyHiddenGrader.class,
        (MaxBoxAccuracy) (maps, h, w, boxes, thresholds, delta) -> {
          double best = 0;
          for (double tau : thresholds) {
            int hits = 0;
            int counted = 0;
            for (int n = 0; n < maps.length; n++) {
              Optional<Box> box = MapBoxes.largestComponentBox(maps[n], h, w, tau);
              if (box.isEmpty()) continue;   // no box: left out of N
              counted++;
              if (box.get().iou(new Box(boxes[n][0], boxes[n][1], boxes[n][2], boxes[n][3])) >= delta) hits++;
            }
            if (counted > 0) best = Math.max(best, 100.0 * hits / counted);
          }
          return best;
        });
    assertTrue(message.startsWith("an image whose map has no pixel above the threshold") && message.contains("should be 50.0 but is 100.0"),
        message);
  }

  @Test
  void maxBoxAccStubIsTodoAndAFractionFails() {
    todo(MaxBoxAccuracyGrader.class, (MaxBoxAccuracy) (maps, h, w, boxes, thresholds, delta) -> { throw new NotSolvedYet("6.3"); });
    String fraction = firstFailure(MaxBoxAccuracyGrader.class, (MaxBoxAccuracy) (maps, h, w, boxes, thresholds, delta) -> 0.5);
    assertTrue(fraction.contains("should be 50.0 but is 0.5") && fraction.contains("multiply by 100"), fraction);
  }

  @Test
  void maxBoxAccWithAnIntegerDivisionFailsWithTheReason() {
    String message = firstFailure(MaxBoxAccuracyGrader.class, (MaxBoxAccuracy) (maps, h, w, boxes, thresholds, delta) -> {
      int best = 0;
      for (double tau : thresholds) {
        int hits = 0;
        for (int n = 0; n < maps.length; n++) {
          Optional<Box> box = MapBoxes.largestComponentBox(maps[n], h, w, tau);
          if (box.isPresent() && box.get().iou(new Box(boxes[n][0], boxes[n][1], boxes[n][2], boxes[n][3])) >= delta) hits++;
        }
        best = Math.max(best, 100 * hits / maps.length);
      }
      return best;
    });
    assertTrue(message.startsWith("hand-made: a percentage need not be whole") && message.contains("should be 66.66666666666667 but is 66.0")
        && message.contains("rounded down to a whole percent"), message);
  }

  @Test
  void maxBoxAccScalingTheCallersMapsFails() {
    String message = firstFailure(MaxBoxAccuracyGrader.class, (MaxBoxAccuracy) (maps, h, w, boxes, thresholds, delta) -> {
      for (float[] m : maps) {
        float max = max(m);
        for (int i = 0; i < m.length && max > 0; i++) m[i] /= max;   // scale to max 1 in place
      }
      double best = 0;
      for (double tau : thresholds) {
        int hits = 0;
        for (int n = 0; n < maps.length; n++) {
          Optional<Box> box = MapBoxes.largestComponentBox(maps[n], h, w, tau);
          if (box.isPresent() && box.get().iou(new Box(boxes[n][0], boxes[n][1], boxes[n][2], boxes[n][3])) >= delta) hits++;
        }
        best = Math.max(best, 100.0 * hits / maps.length);
      }
      return best;
    });
    assertTrue(message.startsWith("hand-made: the threshold is τ · max") && message.contains("changed its argument `maps` (element [0][0]"),
        message);
  }
}
