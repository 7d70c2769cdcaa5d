package camlab.exercises.graders.localization;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import camlab.exercises.graders.Arguments;
import camlab.exercises.graders.Points;
import camlab.exercises.graders.StudentAnswer;
import camlab.ops.Box;
import camlab.ops.MapBoxes;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opentest4j.AssertionFailedError;

/**
 * Grades exercise 6.3 ({@link MaxBoxAccuracy}): hand-made maps that separate one τ for all images from a best τ per
 * image, the maximum from the mean over τ, IoU ≥ δ from IoU > δ, percent from a fraction, a relative threshold from
 * an absolute one; random maps against a reference built from the library's {@link MapBoxes#largestComponentBox} and
 * {@link Box#iou}; percentages that are not whole; every call must leave its arguments unchanged. A map with no box is
 * {@code MaxBoxAccuracyHiddenGrader}'s.
 */
@ExtendWith(StudentAnswer.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("6.3 MaxBoxAcc over thresholds")
public class MaxBoxAccuracyGrader {
  private static final double TOL = 1e-9;

  /**
   * A 4×6 map with two regions: a 3×3 block at 0.3 and a single pixel at 1. At τ = 0.1 the block is the largest
   * component, at τ = 0.5 only the hot pixel is left.
   */
  static final float[] WIDE_WINS_LOW = {
      0.3f, 0.3f, 0.3f, 0, 0, 0,
      0.3f, 0.3f, 0.3f, 0, 1, 0,
      0.3f, 0.3f, 0.3f, 0, 0, 0,
      0, 0, 0, 0, 0, 0};
  static final int[] WIDE_BOX = {0, 0, 2, 2};
  private static final int[] CORE_BOX = {4, 1, 4, 1};

  @Test
  @Order(1)
  @DisplayName("hand-made: one τ for all images — the best τ of each image does not count")
  @Points(0.5)
  void goldenOneThresholdForAll(MaxBoxAccuracy student) {
    float[][] maps = {WIDE_WINS_LOW, WIDE_WINS_LOW};
    assertAcc(student, maps, 4, 6, new int[][] {WIDE_BOX, CORE_BOX}, new double[] {0.1, 0.5}, 0.5, 50,
        "image 0 (box = the 3×3 block) is hit at τ = 0.1 only, image 1 (box = the single hot pixel (4,1)) at τ = 0.5 only: each τ"
            + " gives 50 %, so MaxBoxAcc is 50 — taking each image's best τ would give 100");
  }

  @Test
  @Order(2)
  @DisplayName("hand-made: the maximum over τ (not the mean), in percent (not a fraction)")
  @Points(0.25)
  void goldenMaximumInPercent(MaxBoxAccuracy student) {
    float[][] maps = {WIDE_WINS_LOW, WIDE_WINS_LOW, WIDE_WINS_LOW, WIDE_WINS_LOW};
    int[][] boxes = {WIDE_BOX, WIDE_BOX, WIDE_BOX, CORE_BOX};
    assertAcc(student, maps, 4, 6, boxes, new double[] {0.1, 0.2, 0.5}, 0.5, 75,
        "three of the four boxes are the 3×3 block, found at τ = 0.1 and 0.2 (75 %); at τ = 0.5 only the fourth image's one-pixel"
            + " box is found (25 %). MaxBoxAcc = max(75, 75, 25) = 75 — in percent (75, not 0.75), the maximum (not the mean"
            + " 58.3)");
  }

  @Test
  @Order(3)
  @DisplayName("hand-made: a percentage need not be whole — 2 hits of 3 images is 66.67 %, not 66")
  @Points(0.25)
  void goldenFractionalPercent(MaxBoxAccuracy student) {
    float[][] maps = {WIDE_WINS_LOW, WIDE_WINS_LOW, WIDE_WINS_LOW};
    assertAcc(student, maps, 4, 6, new int[][] {WIDE_BOX, WIDE_BOX, CORE_BOX}, new double[] {0.1, 0.5}, 0.5, 200.0 / 3,
        "at τ = 0.1 the two images whose box is the 3×3 block are hit, the third (box = the hot pixel) is missed: 100 · 2 / 3 = 66.67 %;"
            + " at τ = 0.5 only the third is hit (33.33 %)");
  }

  @Test
  @Order(4)
  @DisplayName("hand-made: the threshold is τ · max of each map, not τ itself")
  @Points(0.25)
  void goldenRelativeThreshold(MaxBoxAccuracy student) {
    float[] scaled = new float[WIDE_WINS_LOW.length];
    for (int i = 0; i < scaled.length; i++) scaled[i] = 4 * WIDE_WINS_LOW[i];   // max 4, wide region 1.2
    assertAcc(student, new float[][] {scaled}, 4, 6, new int[][] {CORE_BOX}, new double[] {0.5}, 0.5, 100,
        "the map's max is 4 and the wide region is 1.2: with τ = 0.5 the cut is 0.5 · 4 = 2, which only the hot pixel (4,1)"
            + " passes — its box matches. Cutting at 0.5 itself would keep the wide region, the largest component, and miss");
  }

  @Test
  @Order(5)
  @DisplayName("hand-made: IoU exactly δ counts as correct (IoU ≥ δ)")
  @Points(0.25)
  void goldenIouAtDelta(MaxBoxAccuracy student) {
    float[] map = new float[4 * 6];
    for (int y = 0; y < 2; y++) for (int x = 0; x < 2; x++) map[y * 6 + x] = 1;   // a 2×2 block: box {0,0,1,1}
    assertAcc(student, new float[][] {map}, 4, 6, new int[][] {{0, 0, 1, 3}}, new double[] {0.5}, 0.5, 100,
        "the map's box {0,0,1,1} (4 pixels) lies in the true box {0,0,1,3} (8 pixels): IoU = 4/8 = 0.5 exactly, and the rule is"
            + " IoU ≥ δ, so it counts");
  }

  @Test
  @Order(7)
  @DisplayName("random maps and boxes match a reference built from MapBoxes.largestComponentBox and Box.iou (δ = 0.3, 0.5, 0.7)")
  @Points(0.75)
  void randomMatchesReference(MaxBoxAccuracy student) {
    Random random = new Random(2020);
    double[] grid = new double[20];
    for (int k = 0; k < grid.length; k++) grid[k] = 0.05 * k;
    int[][] sizes = {{16, 16}, {12, 20}, {32, 32}};
    for (int[] size : sizes) {
      for (double delta : new double[] {0.3, 0.5, 0.7}) {
        int n = 12 + random.nextInt(12);
        float[][] maps = new float[n][];
        int[][] boxes = new int[n][];
        for (int i = 0; i < n; i++) {
          do {
            boxes[i] = randomBox(random, size[0], size[1]);
            maps[i] = mapAround(random, size[0], size[1], boxes[i], grid);
          } while (ambiguous(maps[i], size[0], size[1], boxes[i], grid, delta));
        }
        double expected = reference(maps, size[0], size[1], boxes, grid, delta);
        assertAcc(student, maps, size[0], size[1], boxes, grid, delta, expected,
            "reference: for each τ of the grid 0, 0.05, …, 0.95, BoxAcc(τ) = 100 · #{n : IoU(MapBoxes.largestComponentBox(map_n,"
                + " height, width, τ), box_n) ≥ " + delta + "} / " + n + "; MaxBoxAcc is their maximum");
      }
    }
  }

  @Test
  @Order(8)
  @DisplayName("the arguments are left unchanged")
  @Points(0.25)
  void argumentsUnchanged(MaxBoxAccuracy student) {
    float[] scaled = new float[WIDE_WINS_LOW.length];
    for (int i = 0; i < scaled.length; i++) scaled[i] = 3 * WIDE_WINS_LOW[i];
    assertAcc(student, new float[][] {scaled, WIDE_WINS_LOW}, 4, 6, new int[][] {WIDE_BOX, CORE_BOX}, new double[] {0.1, 0.5}, 0.5, 50,
        "the maps, the boxes and the thresholds must be as they were after the call");
  }

  /** MaxBoxAcc computed the plain way, from the library's pieces. */
  static double reference(float[][] maps, int height, int width, int[][] boxes, double[] thresholds, double delta) {
    double best = 0;
    for (double tau : thresholds) {
      int hits = 0;
      for (int n = 0; n < maps.length; n++) {
        Optional<Box> found = MapBoxes.largestComponentBox(maps[n], height, width, tau);
        if (found.isPresent() && found.get().iou(box(boxes[n])) >= delta) hits++;
      }
      best = Math.max(best, 100.0 * hits / maps.length);
    }
    return best;
  }

  /**
   * Whether the map could be scored differently by a correct answer: a pixel within rounding of a cut, or two
   * equally large largest components of which one hits and the other misses.
   */
  private static boolean ambiguous(float[] map, int height, int width, int[] box, double[] thresholds, double delta) {
    float max = 0;
    for (float v : map) max = Math.max(max, v);
    for (double tau : thresholds) {
      double cut = tau * max;
      for (float v : map) if (v != max && Math.abs(v - cut) < 1e-4 * max) return true;
      List<MapBoxes.Component> components = MapBoxes.components(map, height, width, cut);
      int most = components.stream().mapToInt(MapBoxes.Component::pixels).max().orElse(0);
      long hits = components.stream().filter(c -> c.pixels() == most && c.box().iou(box(box)) >= delta).count();
      long largest = components.stream().filter(c -> c.pixels() == most).count();
      if (hits != 0 && hits != largest) return true;
      for (MapBoxes.Component c : components) {
        double iou = c.box().iou(box(box));
        if (c.pixels() == most && Math.abs(iou - delta) < 1e-9) return true;
      }
    }
    return false;
  }

  /** A box of 3 to half the map's size in each direction. */
  private static int[] randomBox(Random random, int height, int width) {
    int w = 3 + random.nextInt(Math.max(1, width / 2 - 2));
    int h = 3 + random.nextInt(Math.max(1, height / 2 - 2));
    int x0 = random.nextInt(width - w + 1);
    int y0 = random.nextInt(height - h + 1);
    return new int[] {x0, y0, x0 + w - 1, y0 + h - 1};
  }

  /** A bump roughly over the box, a distractor bump elsewhere, and noise — hits at some τ, misses at others. */
  private static float[] mapAround(Random random, int height, int width, int[] box, double[] thresholds) {
    float[] map = new float[height * width];
    double cx = (box[0] + box[2]) / 2.0 + random.nextGaussian() * 1.5;
    double cy = (box[1] + box[3]) / 2.0 + random.nextGaussian() * 1.5;
    double sx = (box[2] - box[0] + 1) / (2.0 + random.nextDouble() * 2);
    double sy = (box[3] - box[1] + 1) / (2.0 + random.nextDouble() * 2);
    double ox = random.nextDouble() * width;
    double oy = random.nextDouble() * height;
    double os = 1 + random.nextDouble() * 3;
    double other = random.nextDouble() * 1.2;
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        double object = Math.exp(-(x - cx) * (x - cx) / (2 * sx * sx) - (y - cy) * (y - cy) / (2 * sy * sy));
        double distractor = other * Math.exp(-((x - ox) * (x - ox) + (y - oy) * (y - oy)) / (2 * os * os));
        map[y * width + x] = (float) (object + distractor + 0.1 * random.nextDouble());
      }
    }
    return map;
  }

  static void assertAcc(MaxBoxAccuracy student, float[][] maps, int height, int width, int[][] boxes, double[] thresholds,
      double delta, double expected, String why) {
    String call = "maxBoxAcc(" + maps.length + " maps of " + height + "×" + width + ", boxes " + describe(boxes) + ", thresholds "
        + (thresholds.length <= 6 ? Arrays.toString(thresholds) : thresholds.length + " values " + thresholds[0] + ".."
            + thresholds[thresholds.length - 1]) + ", δ = " + delta + ")";
    float[][] mapsCopy = new float[maps.length][];
    for (int i = 0; i < maps.length; i++) mapsCopy[i] = maps[i].clone();
    int[][] boxesCopy = new int[boxes.length][];
    for (int i = 0; i < boxes.length; i++) boxesCopy[i] = boxes[i].clone();
    double[] thresholdsCopy = thresholds.clone();
    Arguments before = Arguments.of("maps", mapsCopy).and("boxes", boxesCopy).and("thresholds", thresholdsCopy);
    double got = student.maxBoxAcc(mapsCopy, height, width, boxesCopy, thresholdsCopy, delta);
    before.assertUnchanged(call, "compute into variables of your own (scale or mark a copy of a map, not the map)");
    if (!(Math.abs(got - expected) <= TOL)) {
      throw new AssertionFailedError(call + " should be " + expected + " but is " + got + " — " + why + hint(got, expected));
    }
  }

  /** What a wrong value tells about its cause, where it tells anything. */
  private static String hint(double got, double expected) {
    if (Math.abs(got * 100 - expected) <= 1e-6) return " (your value is a fraction: MaxBoxAcc is in percent, multiply by 100)";
    if (got == Math.floor(expected) && expected != Math.floor(expected)) {
      return " (your value is rounded down to a whole percent: 100 * hits / N in int arithmetic drops the fraction — divide in double,"
          + " 100.0 * hits / N)";
    }
    return "";
  }

  private static String describe(int[][] boxes) {
    if (boxes.length > 4) return boxes.length + " boxes";
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < boxes.length; i++) sb.append(i == 0 ? "" : ", ").append(Arrays.toString(boxes[i]));
    return sb.append(']').toString();
  }

  private static Box box(int[] b) {
    return new Box(b[0], b[1], b[2], b[3]);
  }
}
