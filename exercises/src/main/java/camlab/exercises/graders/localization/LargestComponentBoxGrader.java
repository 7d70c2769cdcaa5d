package camlab.exercises.graders.localization;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import camlab.ops.Box;
import camlab.ops.MapBoxes;
import camlab.exercises.graders.Args;
import camlab.exercises.graders.ExerciseGrader;
import camlab.exercises.graders.ExerciseSpec;
import camlab.exercises.graders.Inputs;
import camlab.exercises.graders.Judge;
import camlab.exercises.graders.Points;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.AssertionFailedError;

import static camlab.exercises.graders.Args.args;
import static camlab.exercises.graders.ExerciseSpec.dims;

/**
 * Grades exercise 6.2 ({@link LargestComponentBox}): hand-made maps that separate 8- from 4-connectivity, {@code >} from
 * {@code ≥}, pixel count from box area and a fraction of the max from a fraction of the range; empty and constant maps; a tie;
 * random maps against {@link MapBoxes#largestComponentBox}. Any of several equally large components is accepted, and every call
 * must leave the map unchanged. A 512×512 map with a component of 10⁵ pixels is {@code LargestComponentBoxHiddenGrader}'s.
 */
@DisplayName("6.2 Box of the largest connected component")
public class LargestComponentBoxGrader extends ExerciseGrader {
  /** Random maps: dims {height, width, fraction in percent, trial}; trial 0 is uniform noise, the others Gaussian bumps. */
  static final ExerciseSpec<LargestComponentBox> SPEC = ExerciseSpec.of(LargestComponentBox.class)
      .reference(a -> MapBoxes.largestComponentBox(a.get(0), a.integer(1), a.integer(2), a.real(3)).map(LargestComponentBoxGrader::array)
          .orElse(new int[0]))
      .judge(LargestComponentBoxGrader::judgeBox)
      .unchanged("map")
      .unchangedHint("keep what you change (visited marks, a scaled copy) in arrays of your own")
      .golden("hand-made: pixels that touch only at a corner are connected (8-connectivity)",
          in -> args(new float[] {
              1, 0, 0, 0, 1, 1,
              0, 1, 0, 0, 0, 0,
              0, 0, 1, 0, 0, 0,
              0, 0, 0, 0, 0, 0}, 4, 6, 0.5), new int[] {0, 0, 2, 2},
          "the diagonal (0,0), (1,1), (2,2) is one component of 3 pixels — neighbours include the 4 diagonal ones — and beats the 2"
              + " pixels at (4,0), (5,0). With 4-connectivity the diagonal falls apart into single pixels")
      .golden("hand-made: a pixel exactly at fraction · max is not above it (strictly greater)",
          in -> args(new float[] {
              4, 1, 1, 1,
              0, 0, 0, 0,
              2, 2, 0, 0}, 3, 4, 0.25), new int[] {0, 2, 1, 2},
          "the threshold is 0.25 · 4 = 1; the three 1s are not above it, so the components are {(0,0)} and {(0,2), (1,2)}, and the"
              + " larger is the pair. With ≥ the top row would be one component of 4 pixels")
      .golden("hand-made: the threshold is a fraction of the max (not an absolute value, not a fraction of max − min)",
          in -> args(new float[] {
              2, 6, 6, 2,
              2, 10, 2, 2,
              5.5f, 2, 2, 2}, 3, 4, 0.5), new int[] {0, 0, 2, 2},
          "the threshold is 0.5 · max = 0.5 · 10 = 5, so 6, 6, 10 and 5.5 are above it and connected (5.5 touches 10 at a corner)."
              + " Not min + 0.5 · (max − min) = 6, which keeps only the 10; not 0.5 itself, which keeps every pixel")
      .golden("hand-made: the largest component has the most pixels, not the largest box; x is the column, y the row",
          in -> args(mostPixelsMap(), 6, 8, 0.2), new int[] {5, 4, 7, 5},
          "height 6, width 8: the 3×2 block at columns 5..7, rows 4..5 has 6 pixels, the diagonal from (0,0) to (3,3) only 4 (even"
              + " though its box is bigger); the result is {x0, y0, x1, y1} = {5, 4, 7, 5}")
      .golden("edge case: an all-zero map has no box (an empty array)", in -> args(new float[12], 3, 4, 0.2), new int[0],
          "an all-zero map: no pixel is above 0.2 · 0 = 0, so there is no box — return new int[0]")
      .golden("edge case: a constant map is one component", in -> args(filled(12, 0.7f), 3, 4, 0.2), new int[] {0, 0, 3, 2},
          "a constant map of 0.7: every pixel is above 0.2 · 0.7, so the box is the whole 4-wide, 3-high map")
      .golden("edge case: a single hot pixel", in -> args(singleHotPixel(), 4, 5, 0.2), new int[] {3, 2, 3, 2},
          "only map[13] = 3 is above 0.2 · 3 = 0.6: with width 5 that is column 3, row 2, a one-pixel box {3, 2, 3, 2}")
      .golden("hand-made: two components tie for the most pixels — either box is right, a box around both is not",
          in -> args(new float[] {
              1, 1, 0, 0, 0,
              0, 0, 0, 0, 0,
              0, 0, 0, 1, 0,
              0, 0, 0, 1, 0}, 4, 5, 0.5), new int[] {0, 0, 1, 0},
          "the pair in the top row and the pair in column 3 have 2 pixels each, and either of the tied components is the largest — its"
              + " own tight box, [0, 0, 1, 0] or [3, 2, 3, 3], not one around both")
      .random(2016, LargestComponentBoxGrader::randomMap, randomCases())
      .randomWhy(LargestComponentBoxGrader::components)
      .build();

  @TestFactory
  @Order(1)
  @DisplayName("hand-made maps: 8-connectivity, a strict threshold at a fraction of the max, the most pixels; edge cases; a tie")
  @Points(1.5)
  Stream<DynamicTest> golden(LargestComponentBox student) {
    return SPEC.golden(student);
  }

  @Test
  @Order(2)
  @DisplayName("random maps match the library's MapBoxes.largestComponentBox (fractions 0.15 to 0.8, square and non-square)")
  @Points(0.75)
  void randomMapsMatchReference(LargestComponentBox student) {
    SPEC.assertMatchesReference(student);
  }

  @Test
  @Order(3)
  @DisplayName("the map is left unchanged")
  @Points(0.25)
  void argumentUnchanged(LargestComponentBox student) {
    SPEC.assertArgumentsUnchanged(student);
  }

  /** Right when the box is that of any of the components with the most pixels (an empty array when there is none). */
  static void judgeBox(Args a, Object expected, Object actual, String call, String why) {
    int[] got = (int[]) actual;
    if (got == null) throw new AssertionFailedError(call + " returned null; return {x0, y0, x1, y1}, or new int[0] when no pixel is above");
    for (int[] ok : largest(a)) if (Arrays.equals(ok, got)) return;
    Judge.exact(LargestComponentBoxGrader::hint).judge(a, expected, actual, call, why);
  }

  /** The boxes of the components with the most pixels; an empty array alone when no pixel is above the threshold. */
  private static List<int[]> largest(Args a) {
    List<MapBoxes.Component> components = components(a.get(0), a.integer(1), a.integer(2), a.real(3));
    int most = components.stream().mapToInt(MapBoxes.Component::pixels).max().orElse(0);
    List<int[]> boxes = new ArrayList<>();
    for (MapBoxes.Component c : components) if (c.pixels() == most) boxes.add(array(c.box()));
    if (boxes.isEmpty()) boxes.add(new int[0]);
    return boxes;
  }

  /** What the library finds in a random map: the components, the largest's size and how many tie for it. */
  static String components(Args a) {
    List<MapBoxes.Component> components = components(a.get(0), a.integer(1), a.integer(2), a.real(3));
    int most = components.stream().mapToInt(MapBoxes.Component::pixels).max().orElse(0);
    long tied = components.stream().filter(c -> c.pixels() == most).count();
    List<Integer> pixels = components.stream().map(MapBoxes.Component::pixels).sorted((x, y) -> y - x).toList();
    return "the box of the largest 8-connected component above " + a.real(3) + " · max (" + most + " pixels"
        + (tied > 1 ? ", " + tied + " such components, any of them right" : "") + "; library: MapBoxes.largestComponentBox). There are "
        + components.size() + " components in all; their sizes: " + (pixels.size() > 12 ? pixels.subList(0, 12) + " …" : pixels);
  }

  private static List<MapBoxes.Component> components(float[] map, int height, int width, double fraction) {
    float max = 0;
    for (float v : map) max = Math.max(max, v);
    return MapBoxes.components(map, height, width, fraction * max);
  }

  /** What a wrong box tells: x and y swapped, or an exclusive end. */
  private static String hint(Args a, Object expected, Object actual) {
    int[] e = (int[]) expected;
    int[] got = (int[]) actual;
    if (got != null && got.length == 4 && e.length == 4) {
      if (got[0] == e[1] && got[1] == e[0] && got[2] == e[3] && got[3] == e[2]) {
        return ". x and y are swapped: x is the column (index % width), y the row (index / width)";
      }
      if (got[0] == e[0] && got[1] == e[1] && got[2] == e[2] + 1 && got[3] == e[3] + 1) {
        return ". The box is inclusive: x1, y1 are the last column and row of the component, not one past them";
      }
    }
    return "";
  }

  private static List<int[]> randomCases() {
    List<int[]> cases = new ArrayList<>();
    for (int[] size : new int[][] {{5, 7}, {9, 9}, {16, 16}, {12, 30}, {64, 64}, {1, 10}, {10, 1}}) {
      for (int percent : new int[] {15, 20, 50, 80}) {
        for (int trial = 0; trial < 3; trial++) cases.add(dims(size[0], size[1], percent, trial));
      }
    }
    return cases;
  }

  private static Args randomMap(Inputs in, int[] d) {
    double fraction = d[2] / 100.0;
    float[] map = d[3] == 0 ? uniform(in.random(), d[0] * d[1], fraction) : blobs(in.random(), d[0], d[1], fraction);
    return args(map, d[0], d[1], fraction);
  }

  /** Uniform values, kept away from the threshold (fraction · max) so float rounding cannot decide a pixel. */
  private static float[] uniform(Random random, int n, double fraction) {
    float[] map = new float[n];
    for (int i = 0; i < n; i++) map[i] = random.nextFloat();
    map[random.nextInt(n)] = 1f;
    return awayFromThreshold(map, fraction);
  }

  /** A few Gaussian bumps of random size and height, like a class map, plus a little noise. */
  private static float[] blobs(Random random, int height, int width, double fraction) {
    float[] map = new float[height * width];
    int bumps = 1 + random.nextInt(4);
    for (int k = 0; k < bumps; k++) {
      double cx = random.nextDouble() * width;
      double cy = random.nextDouble() * height;
      double sigma = 0.5 + random.nextDouble() * Math.max(height, width) / 5.0;
      double peak = 0.3 + random.nextDouble();
      for (int y = 0; y < height; y++) {
        for (int x = 0; x < width; x++) {
          map[y * width + x] += (float) (peak * Math.exp(-((x - cx) * (x - cx) + (y - cy) * (y - cy)) / (2 * sigma * sigma)));
        }
      }
    }
    for (int i = 0; i < map.length; i++) map[i] += 0.05f * random.nextFloat();
    return awayFromThreshold(map, fraction);
  }

  private static float[] awayFromThreshold(float[] map, double fraction) {
    float max = 0;
    for (float v : map) max = Math.max(max, v);
    double threshold = fraction * max;
    for (int i = 0; i < map.length; i++) {
      if (Math.abs(map[i] - threshold) < 1e-4 * max && map[i] != max) map[i] = (float) (threshold - 2e-4 * max);
    }
    return map;
  }

  /** 6×8: a diagonal of 4 pixels (box 4×4) and a 3×2 block of 6 pixels at columns 5..7, rows 4..5. */
  private static float[] mostPixelsMap() {
    float[] map = new float[6 * 8];
    for (int i = 0; i < 4; i++) map[i * 8 + i] = 1;
    for (int y = 4; y <= 5; y++) for (int x = 5; x <= 7; x++) map[y * 8 + x] = 0.8f;
    return map;
  }

  /** 4×5: 3 at index 13 (column 3, row 2) and 0.5, below the threshold, at index 2. */
  private static float[] singleHotPixel() {
    float[] map = new float[20];
    map[13] = 3;
    map[2] = 0.5f;
    return map;
  }

  private static float[] filled(int length, float value) {
    float[] map = new float[length];
    Arrays.fill(map, value);
    return map;
  }

  private static int[] array(Box b) {
    return new int[] {b.x0(), b.y0(), b.x1(), b.y1()};
  }
}
