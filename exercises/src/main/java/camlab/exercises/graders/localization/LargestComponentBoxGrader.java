package camlab.exercises.graders.localization;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
 * Grades exercise 6.2 ({@link LargestComponentBox}): hand-made maps that separate 8- from 4-connectivity, {@code >} from
 * {@code ≥}, pixel count from box area and a fraction of the max from a fraction of the range; empty and constant maps;
 * random maps against {@link MapBoxes#largestComponentBox} (any of several equally large components is accepted), a tie; every call
 * must leave the map unchanged. A 512×512 map with a component of 10⁵ pixels is {@code LargestComponentBoxHiddenGrader}'s.
 */
@ExtendWith(StudentAnswer.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("6.2 Box of the largest connected component")
public class LargestComponentBoxGrader {
  @Test
  @Order(1)
  @DisplayName("hand-made: pixels that touch only at a corner are connected (8-connectivity)")
  @Points(0.25)
  void goldenEightConnectivity(LargestComponentBox student) {
    float[] map = {
        1, 0, 0, 0, 1, 1,
        0, 1, 0, 0, 0, 0,
        0, 0, 1, 0, 0, 0,
        0, 0, 0, 0, 0, 0};
    assertBox(student, map, 4, 6, 0.5, new int[] {0, 0, 2, 2},
        "the diagonal (0,0), (1,1), (2,2) is one component of 3 pixels — neighbours include the 4 diagonal ones — and beats"
            + " the 2 pixels at (4,0), (5,0). With 4-connectivity the diagonal falls apart into single pixels");
  }

  @Test
  @Order(2)
  @DisplayName("hand-made: a pixel exactly at fraction · max is not above it (strictly greater)")
  @Points(0.25)
  void goldenStrictThreshold(LargestComponentBox student) {
    float[] map = {
        4, 1, 1, 1,
        0, 0, 0, 0,
        2, 2, 0, 0};
    assertBox(student, map, 3, 4, 0.25, new int[] {0, 2, 1, 2},
        "the threshold is 0.25 · 4 = 1; the three 1s are not above it, so the components are {(0,0)} and {(0,2), (1,2)}, and the"
            + " larger is the pair. With ≥ the top row would be one component of 4 pixels");
  }

  @Test
  @Order(3)
  @DisplayName("hand-made: the threshold is a fraction of the max (not an absolute value, not a fraction of max − min)")
  @Points(0.25)
  void goldenFractionOfMax(LargestComponentBox student) {
    float[] map = {
        2, 6, 6, 2,
        2, 10, 2, 2,
        5.5f, 2, 2, 2};
    assertBox(student, map, 3, 4, 0.5, new int[] {0, 0, 2, 2},
        "the threshold is 0.5 · max = 0.5 · 10 = 5, so 6, 6, 10 and 5.5 are above it and connected (5.5 touches 10 at a corner)."
            + " Not min + 0.5 · (max − min) = 6, which keeps only the 10; not 0.5 itself, which keeps every pixel");
  }

  @Test
  @Order(4)
  @DisplayName("hand-made: the largest component has the most pixels, not the largest box; x is the column, y the row")
  @Points(0.25)
  void goldenMostPixels(LargestComponentBox student) {
    float[] map = new float[6 * 8];
    for (int i = 0; i < 4; i++) map[i * 8 + i] = 1;                  // a diagonal of 4 pixels, box 4×4
    for (int y = 4; y <= 5; y++) for (int x = 5; x <= 7; x++) map[y * 8 + x] = 0.8f;   // a 3×2 block: 6 pixels
    assertBox(student, map, 6, 8, 0.2, new int[] {5, 4, 7, 5},
        "height 6, width 8: the 3×2 block at columns 5..7, rows 4..5 has 6 pixels, the diagonal from (0,0) to (3,3) only 4"
            + " (even though its box is bigger); the result is {x0, y0, x1, y1} = {5, 4, 7, 5}");
  }

  @Test
  @Order(5)
  @DisplayName("edge cases: an all-zero map has no box (empty array); a constant map is one component; a single hot pixel")
  @Points(0.25)
  void edgeCases(LargestComponentBox student) {
    float[] zeros = new float[12];
    String call = call(zeros, 3, 4, 0.2);
    int[] got = box(student, zeros, 3, 4, 0.2);
    if (got == null || got.length != 0) {
      throw new AssertionFailedError(call + " with an all-zero map should return an empty array (no pixel is above 0.2 · 0 = 0)"
          + " but returned " + (got == null ? "null — return new int[0] instead" : Arrays.toString(got)));
    }
    float[] constant = new float[12];
    Arrays.fill(constant, 0.7f);
    assertBox(student, constant, 3, 4, 0.2, new int[] {0, 0, 3, 2},
        "a constant map of 0.7: every pixel is above 0.2 · 0.7, so the box is the whole 4-wide, 3-high map");
    float[] single = new float[20];
    single[13] = 3;
    single[2] = 0.5f;
    assertBox(student, single, 4, 5, 0.2, new int[] {3, 2, 3, 2},
        "only map[13] = 3 is above 0.2 · 3 = 0.6: with width 5 that is column 3, row 2, a one-pixel box {3, 2, 3, 2}");
  }

  @Test
  @Order(6)
  @DisplayName("hand-made: two components tie for the most pixels — either box is right, a box around both is not")
  @Points(0.25)
  void goldenTie(LargestComponentBox student) {
    float[] map = {
        1, 1, 0, 0, 0,
        0, 0, 0, 0, 0,
        0, 0, 0, 1, 0,
        0, 0, 0, 1, 0};
    int[] got = box(student, map, 4, 5, 0.5);
    int[][] accepted = {{0, 0, 1, 0}, {3, 2, 3, 3}};
    for (int[] ok : accepted) if (Arrays.equals(ok, got)) return;
    throw new AssertionFailedError(call(map, 4, 5, 0.5) + " returned " + (got == null ? "null" : Arrays.toString(got)) + " but should return"
        + " [0, 0, 1, 0] or [3, 2, 3, 3]: the pair in the top row and the pair in column 3 have 2 pixels each, and either of the tied"
        + " components is the largest — its own tight box, not one around both");
  }

  @Test
  @Order(7)
  @DisplayName("random maps match the library's MapBoxes.largestComponentBox (fractions 0.15 to 0.8, square and non-square)")
  @Points(0.75)
  void randomMapsMatchReference(LargestComponentBox student) {
    Random random = new Random(2016);
    int[][] sizes = {{5, 7}, {9, 9}, {16, 16}, {12, 30}, {64, 64}, {1, 10}, {10, 1}};
    double[] fractions = {0.15, 0.2, 0.5, 0.8};
    for (int[] size : sizes) {
      for (double fraction : fractions) {
        for (int trial = 0; trial < 3; trial++) {
          float[] map = trial == 0 ? uniform(random, size[0] * size[1], fraction) : blobs(random, size[0], size[1], fraction);
          assertMatchesReference(student, map, size[0], size[1], fraction);
        }
      }
    }
  }

  @Test
  @Order(9)
  @DisplayName("the map is left unchanged")
  @Points(0.25)
  void argumentUnchanged(LargestComponentBox student) {
    box(student, blobs(new Random(7), 8, 9, 0.2), 8, 9, 0.2);
  }

  /** The student's box for a copy of {@code map}, after checking that the call left the copy as it was. */
  private static int[] box(LargestComponentBox student, float[] map, int height, int width, double fraction) {
    String call = call(map, height, width, fraction);
    float[] copy = map.clone();
    Arguments before = Arguments.of("map", copy);
    int[] got = student.largestComponentBox(copy, height, width, fraction);
    before.assertUnchanged(call, "keep what you change (visited marks, a scaled copy) in arrays of your own");
    return got;
  }

  /** Any of the components with the most pixels is a right answer. */
  static void assertMatchesReference(LargestComponentBox student, float[] map, int height, int width, double fraction) {
    String call = call(map, height, width, fraction);
    float max = 0;
    for (float v : map) max = Math.max(max, v);
    List<MapBoxes.Component> components = MapBoxes.components(map, height, width, fraction * max);
    int most = components.stream().mapToInt(MapBoxes.Component::pixels).max().orElse(0);
    List<int[]> accepted = new ArrayList<>();
    for (MapBoxes.Component c : components) if (c.pixels() == most) accepted.add(array(c.box()));
    int[] got = box(student, map, height, width, fraction);
    if (got == null) throw new AssertionFailedError(call + " returned null; return {x0, y0, x1, y1}, or new int[0] when no pixel is above");
    for (int[] ok : accepted) if (Arrays.equals(ok, got)) return;
    Box reference = MapBoxes.largestComponentBox(map, height, width, fraction).orElseThrow();
    throw new AssertionFailedError(call + " on a random map returned " + Arrays.toString(got) + " but the largest 8-connected component"
        + " above " + fraction + " · max (" + most + " pixels" + (accepted.size() > 1 ? ", " + accepted.size() + " such components" : "")
        + ") has the box " + Arrays.toString(array(reference)) + " (library: MapBoxes.largestComponentBox). There are "
        + components.size() + " components in all; their sizes: " + sizes(components));
  }

  private static String sizes(List<MapBoxes.Component> components) {
    List<Integer> pixels = components.stream().map(MapBoxes.Component::pixels).sorted((a, b) -> b - a).toList();
    return pixels.size() > 12 ? pixels.subList(0, 12) + " …" : pixels.toString();
  }

  private static void assertBox(LargestComponentBox student, float[] map, int height, int width, double fraction, int[] expected, String why) {
    String call = call(map, height, width, fraction);
    int[] got = box(student, map, height, width, fraction);
    if (!Arrays.equals(expected, got)) {
      throw new AssertionFailedError(call + " should return " + Arrays.toString(expected) + " but returned "
          + (got == null ? "null" : Arrays.toString(got)) + " — " + why + hint(got, expected));
    }
  }

  private static String hint(int[] got, int[] expected) {
    if (got != null && got.length == 4 && expected.length == 4) {
      if (got[0] == expected[1] && got[1] == expected[0] && got[2] == expected[3] && got[3] == expected[2]) {
        return ". x and y are swapped: x is the column (index % width), y the row (index / width)";
      }
      if (got[0] == expected[0] && got[1] == expected[1] && got[2] == expected[2] + 1 && got[3] == expected[3] + 1) {
        return ". The box is inclusive: x1, y1 are the last column and row of the component, not one past them";
      }
    }
    return "";
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

  private static int[] array(Box b) {
    return new int[] {b.x0(), b.y0(), b.x1(), b.y1()};
  }

  private static String call(float[] map, int height, int width, double fraction) {
    String values = map.length <= 48 ? Arrays.toString(map) : "float[" + map.length + "]";
    return "largestComponentBox(" + values + ", height " + height + ", width " + width + ", fraction " + fraction + ")";
  }
}
