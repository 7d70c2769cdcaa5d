package camlab.exercises.graders.localization;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;

import camlab.ops.Box;
import camlab.ops.MapBoxes;
import camlab.exercises.graders.Args;
import camlab.exercises.graders.ExerciseGrader;
import camlab.exercises.graders.ExerciseSpec;
import camlab.exercises.graders.Inputs;
import camlab.exercises.graders.Points;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import static camlab.exercises.graders.Args.args;
import static camlab.exercises.graders.ExerciseSpec.dims;

/**
 * Grades exercise 6.3 ({@link MaxBoxAccuracy}): hand-made maps that separate one τ for all images from a best τ per image, the
 * maximum from the mean over τ, IoU ≥ δ from IoU > δ, percent from a fraction, a relative threshold from an absolute one; random
 * maps against a reference built from the library's {@link MapBoxes#largestComponentBox} and {@link Box#iou}; percentages that
 * are not whole; every call must leave its arguments unchanged. A map with no box is {@code MaxBoxAccuracyHiddenGrader}'s.
 */
@DisplayName("6.3 MaxBoxAcc over thresholds")
public class MaxBoxAccuracyGrader extends ExerciseGrader {
  /**
   * A 4×6 map with two regions: a 3×3 block at 0.3 and a single pixel at 1. At τ = 0.1 the block is the largest component, at
   * τ = 0.5 only the hot pixel is left.
   */
  static final float[] WIDE_WINS_LOW = {
      0.3f, 0.3f, 0.3f, 0, 0, 0,
      0.3f, 0.3f, 0.3f, 0, 1, 0,
      0.3f, 0.3f, 0.3f, 0, 0, 0,
      0, 0, 0, 0, 0, 0};
  static final int[] WIDE_BOX = {0, 0, 2, 2};
  private static final int[] CORE_BOX = {4, 1, 4, 1};
  private static final double[] GRID = new double[20];

  static {
    for (int k = 0; k < GRID.length; k++) GRID[k] = 0.05 * k;
  }

  /** Random maps with a bump around each true box: dims {height, width, δ in percent}, the grid of τ 0, 0.05, …, 0.95. */
  static final ExerciseSpec<MaxBoxAccuracy> SPEC = ExerciseSpec.of(MaxBoxAccuracy.class)
      .reference(a -> reference(a.get(0), a.integer(1), a.integer(2), a.get(3), a.get(4), a.real(5)))
      .tolerance(1e-9)
      .hint(MaxBoxAccuracyGrader::hint)
      .describeCall(MaxBoxAccuracyGrader::describe)
      .unchanged("maps", "boxes", "thresholds")
      .unchangedHint("compute into variables of your own (scale or mark a copy of a map, not the map)")
      .golden("hand-made: one τ for all images — the best τ of each image does not count",
          in -> args(new float[][] {WIDE_WINS_LOW, WIDE_WINS_LOW}, 4, 6, new int[][] {WIDE_BOX, CORE_BOX}, new double[] {0.1, 0.5}, 0.5), 50.0,
          "image 0 (box = the 3×3 block) is hit at τ = 0.1 only, image 1 (box = the single hot pixel (4,1)) at τ = 0.5 only: each τ"
              + " gives 50 %, so MaxBoxAcc is 50 — taking each image's best τ would give 100")
      .golden("hand-made: the maximum over τ (not the mean), in percent (not a fraction)",
          in -> args(new float[][] {WIDE_WINS_LOW, WIDE_WINS_LOW, WIDE_WINS_LOW, WIDE_WINS_LOW}, 4, 6,
              new int[][] {WIDE_BOX, WIDE_BOX, WIDE_BOX, CORE_BOX}, new double[] {0.1, 0.2, 0.5}, 0.5), 75.0,
          "three of the four boxes are the 3×3 block, found at τ = 0.1 and 0.2 (75 %); at τ = 0.5 only the fourth image's one-pixel"
              + " box is found (25 %). MaxBoxAcc = max(75, 75, 25) = 75 — in percent (75, not 0.75), the maximum (not the mean 58.3)")
      .golden("hand-made: a percentage need not be whole — 2 hits of 3 images is 66.67 %, not 66",
          in -> args(new float[][] {WIDE_WINS_LOW, WIDE_WINS_LOW, WIDE_WINS_LOW}, 4, 6, new int[][] {WIDE_BOX, WIDE_BOX, CORE_BOX},
              new double[] {0.1, 0.5}, 0.5), 200.0 / 3,
          "at τ = 0.1 the two images whose box is the 3×3 block are hit, the third (box = the hot pixel) is missed: 100 · 2 / 3 = 66.67 %;"
              + " at τ = 0.5 only the third is hit (33.33 %)")
      .golden("hand-made: the threshold is τ · max of each map, not τ itself",
          in -> args(new float[][] {scaled(4)}, 4, 6, new int[][] {CORE_BOX}, new double[] {0.5}, 0.5), 100.0,
          "the map's max is 4 and the wide region is 1.2: with τ = 0.5 the cut is 0.5 · 4 = 2, which only the hot pixel (4,1) passes —"
              + " its box matches. Cutting at 0.5 itself would keep the wide region, the largest component, and miss")
      .golden("hand-made: IoU exactly δ counts as correct (IoU ≥ δ)",
          in -> args(new float[][] {twoByTwoBlock()}, 4, 6, new int[][] {{0, 0, 1, 3}}, new double[] {0.5}, 0.5), 100.0,
          "the map's box {0,0,1,1} (4 pixels) lies in the true box {0,0,1,3} (8 pixels): IoU = 4/8 = 0.5 exactly, and the rule is"
              + " IoU ≥ δ, so it counts")
      .random(2020, MaxBoxAccuracyGrader::randomImages,
          dims(16, 16, 30), dims(16, 16, 50), dims(16, 16, 70), dims(12, 20, 30), dims(12, 20, 50), dims(12, 20, 70),
          dims(32, 32, 30), dims(32, 32, 50), dims(32, 32, 70))
      .randomWhy(a -> "reference: for each τ of the grid 0, 0.05, …, 0.95, BoxAcc(τ) = 100 · #{n : IoU(MapBoxes.largestComponentBox(map_n,"
          + " height, width, τ), box_n) ≥ " + a.get(5) + "} / " + a.<float[][]>get(0).length + "; MaxBoxAcc is their maximum")
      .build();

  @TestFactory
  @Order(1)
  @DisplayName("hand-made: one τ for all images, the maximum in percent, fractional percentages, τ · max, IoU ≥ δ")
  @Points(1.5)
  Stream<DynamicTest> golden(MaxBoxAccuracy student) {
    return SPEC.golden(student);
  }

  @Test
  @Order(2)
  @DisplayName("random maps and boxes match a reference built from MapBoxes.largestComponentBox and Box.iou (δ = 0.3, 0.5, 0.7)")
  @Points(0.75)
  void randomMatchesReference(MaxBoxAccuracy student) {
    SPEC.assertMatchesReference(student);
  }

  @Test
  @Order(3)
  @DisplayName("the arguments are left unchanged")
  @Points(0.25)
  void argumentsUnchanged(MaxBoxAccuracy student) {
    SPEC.assertArgumentsUnchanged(student);
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

  /** 12 to 23 images of {height × width}, each map a bump around its box that no right answer could score two ways. */
  private static Args randomImages(Inputs in, int[] d) {
    Random random = in.random();
    int height = d[0];
    int width = d[1];
    double delta = d[2] / 100.0;
    int n = 12 + random.nextInt(12);
    float[][] maps = new float[n][];
    int[][] boxes = new int[n][];
    for (int i = 0; i < n; i++) {
      do {
        boxes[i] = randomBox(random, height, width);
        maps[i] = mapAround(random, height, width, boxes[i]);
      } while (ambiguous(maps[i], height, width, boxes[i], delta));
    }
    return args(maps, height, width, boxes, GRID.clone(), delta);
  }

  /**
   * Whether the map could be scored differently by a correct answer: a pixel within rounding of a cut, or two equally large
   * largest components of which one hits and the other misses.
   */
  private static boolean ambiguous(float[] map, int height, int width, int[] box, double delta) {
    float max = 0;
    for (float v : map) max = Math.max(max, v);
    for (double tau : GRID) {
      double cut = tau * max;
      for (float v : map) if (v != max && Math.abs(v - cut) < 1e-4 * max) return true;
      List<MapBoxes.Component> components = MapBoxes.components(map, height, width, cut);
      int most = components.stream().mapToInt(MapBoxes.Component::pixels).max().orElse(0);
      long hits = components.stream().filter(c -> c.pixels() == most && c.box().iou(box(box)) >= delta).count();
      long largest = components.stream().filter(c -> c.pixels() == most).count();
      if (hits != 0 && hits != largest) return true;
      for (MapBoxes.Component c : components) {
        if (c.pixels() == most && Math.abs(c.box().iou(box(box)) - delta) < 1e-9) return true;
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
  private static float[] mapAround(Random random, int height, int width, int[] box) {
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

  /** {@link #WIDE_WINS_LOW} times {@code factor}. */
  static float[] scaled(float factor) {
    float[] map = new float[WIDE_WINS_LOW.length];
    for (int i = 0; i < map.length; i++) map[i] = factor * WIDE_WINS_LOW[i];
    return map;
  }

  /** 4×6 with a 2×2 block of ones in the top-left corner: its box is {0,0,1,1}. */
  private static float[] twoByTwoBlock() {
    float[] map = new float[4 * 6];
    for (int y = 0; y < 2; y++) for (int x = 0; x < 2; x++) map[y * 6 + x] = 1;
    return map;
  }

  /** {@code maxBoxAcc(2 maps of 4×6, boxes [[0, 0, 2, 2], …], thresholds [0.1, 0.5], δ = 0.5)}: the sizes, not the pixels. */
  private static String describe(Args a) {
    float[][] maps = a.get(0);
    int[][] boxes = a.get(3);
    double[] thresholds = a.get(4);
    String boxText = boxes.length > 4 ? boxes.length + " boxes" : Arrays.deepToString(boxes);
    String thresholdText = thresholds.length <= 6 ? Arrays.toString(thresholds)
        : thresholds.length + " values " + thresholds[0] + ".." + thresholds[thresholds.length - 1];
    return "maxBoxAcc(" + maps.length + " maps of " + a.integer(1) + "×" + a.integer(2) + ", boxes " + boxText + ", thresholds "
        + thresholdText + ", δ = " + a.get(5) + ")";
  }

  /** What a wrong value tells about its cause, where it tells anything. */
  private static String hint(Args a, Object expected, Object actual) {
    double e = (Double) expected;
    double got = (Double) actual;
    if (Math.abs(got * 100 - e) <= 1e-6) return " (your value is a fraction: MaxBoxAcc is in percent, multiply by 100)";
    if (got == Math.floor(e) && e != Math.floor(e)) {
      return " (your value is rounded down to a whole percent: 100 * hits / N in int arithmetic drops the fraction — divide in double,"
          + " 100.0 * hits / N)";
    }
    return "";
  }

  private static Box box(int[] b) {
    return new Box(b[0], b[1], b[2], b[3]);
  }
}
