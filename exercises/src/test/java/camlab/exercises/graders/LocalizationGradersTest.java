package camlab.exercises.graders;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import static camlab.exercises.graders.GraderChecks.firstFailure;
import static camlab.exercises.graders.GraderChecks.passes;
import static camlab.exercises.graders.GraderChecks.todo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import camlab.evaluate.Box;
import camlab.evaluate.MapBoxes;
import camlab.exercises.NotSolvedYet;
import camlab.exercises.graders.localization.BoxIou;
import camlab.exercises.graders.localization.BoxIouGrader;
import camlab.exercises.graders.localization.LargestComponentBox;
import camlab.exercises.graders.localization.LargestComponentBoxGrader;
import camlab.exercises.graders.localization.MaxBoxAccuracy;
import camlab.exercises.graders.localization.MaxBoxAccuracyGrader;

/** The 6.x graders in this JVM: the library's own answers pass, stubs are TODO, a typical mistake fails with a useful message. */
class LocalizationGradersTest {
  @Test
  void iouWrittenDifferentlyPasses() {
    passes(BoxIouGrader.class, (BoxIou) (a, b) -> new Box(a[0], a[1], a[2], a[3]).iou(new Box(b[0], b[1], b[2], b[3])));
    passes(BoxIouGrader.class, (BoxIou) (a, b) -> {   // count the pixels
      int both = 0, either = 0;
      for (int y = Math.min(a[1], b[1]); y <= Math.max(a[3], b[3]); y++) {
        for (int x = Math.min(a[0], b[0]); x <= Math.max(a[2], b[2]); x++) {
          boolean inA = x >= a[0] && x <= a[2] && y >= a[1] && y <= a[3];
          boolean inB = x >= b[0] && x <= b[2] && y >= b[1] && y <= b[3];
          if (inA && inB) both++;
          if (inA || inB) either++;
        }
      }
      return (double) both / either;
    });
    passes(BoxIouGrader.class, (BoxIou) (a, b) -> {   // in float
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
    assertTrue(exclusive.contains("boxIou([3, 5, 3, 5], [3, 5, 3, 5]) should be 1.0 but is NaN"), exclusive);
  }

  @Test
  void largestComponentWrittenDifferentlyPasses() {
    passes(LargestComponentBoxGrader.class, (LargestComponentBox) (map, h, w, f) -> MapBoxes.largestComponentBox(map, h, w, f)
        .map(b -> new int[] {b.x0(), b.y0(), b.x1(), b.y1()}).orElse(new int[0]));
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
    passes(MaxBoxAccuracyGrader.class, (MaxBoxAccuracy) (maps, h, w, boxes, thresholds, delta) -> {
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
  void maxBoxAccStubIsTodoAndAFractionFails() {
    todo(MaxBoxAccuracyGrader.class, (MaxBoxAccuracy) (maps, h, w, boxes, thresholds, delta) -> { throw new NotSolvedYet("6.3"); });
    String fraction = firstFailure(MaxBoxAccuracyGrader.class, (MaxBoxAccuracy) (maps, h, w, boxes, thresholds, delta) -> 0.5);
    assertTrue(fraction.contains("should be 50.0 but is 0.5") && fraction.contains("multiply by 100"), fraction);
  }
}
