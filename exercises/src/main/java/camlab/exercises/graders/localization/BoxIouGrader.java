package camlab.exercises.graders.localization;

import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import camlab.ops.Box;
import camlab.exercises.graders.ExerciseGrader;
import camlab.exercises.graders.ExerciseSpec;
import camlab.exercises.graders.Points;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import static camlab.exercises.graders.Args.args;
import static camlab.exercises.graders.ExerciseSpec.dims;

/**
 * Grades exercise 6.1 ({@link BoxIou}): hand-computed IoUs, touching, adjacent and disjoint boxes, random boxes against
 * {@link Box#iou}; every call must leave both boxes unchanged. Boxes whose areas overflow an int are {@code BoxIouHiddenGrader}'s.
 */
@DisplayName("6.1 IoU of two boxes")
public class BoxIouGrader extends ExerciseGrader {
  private static final String HINT = "inclusive coordinates: width = x1 − x0 + 1, height = y1 − y0 + 1; the intersection is"
      + " [max(x0), min(x1)] × [max(y0), min(y1)], empty (0) when min(x1) < max(x0) or min(y1) < max(y0)";
  /** 1000 pairs of random boxes: dims {canvas size}, every fifth pair on a 6×6 canvas, where boxes overlap often. */
  static final ExerciseSpec<BoxIou> SPEC = ExerciseSpec.of(BoxIou.class)
      .reference(a -> box(a.get(0)).iou(box(a.get(1))))
      .tolerance(1e-6)   // float arithmetic in an answer is fine
      .hint((a, expected, actual) -> " (" + HINT + ")")
      .unchanged("a", "b")
      .unchangedHint("compute into local variables")
      .golden("hand-computed: a one-pixel box with itself has IoU 1", in -> args(new int[] {3, 5, 3, 5}, new int[] {3, 5, 3, 5}), 1.0,
          "a box with x0 = x1 and y0 = y1 is one pixel (1×1), not empty: both areas are 1 and so is the intersection")
      .golden("hand-computed: two 4×4 boxes overlapping in a 2×2 corner: 4 / (16 + 16 − 4) = 1/7",
          in -> args(new int[] {0, 0, 3, 3}, new int[] {2, 2, 5, 5}), 4.0 / 28,
          "A covers columns and rows 0..3 (4×4 = 16 pixels), B 2..5 (16 pixels); they share columns and rows 2..3 (2×2 = 4):"
              + " IoU = 4 / (16 + 16 − 4) = 0.142857")
      .golden("hand-computed: a box inside another: 9 / 100", in -> args(new int[] {0, 0, 9, 9}, new int[] {2, 3, 4, 5}), 9.0 / 100,
          "B (3×3 = 9 pixels) lies inside A (10×10 = 100): the intersection is B and the union is A, IoU = 9 / 100")
      .golden("hand-computed: boxes that share one column overlap there", in -> args(new int[] {0, 0, 2, 2}, new int[] {2, 0, 4, 2}), 3.0 / 15,
          "both boxes contain column x = 2 (inclusive coordinates), so they share 1×3 = 3 pixels: IoU = 3 / (9 + 9 − 3) = 0.2")
      .golden("hand-computed: boxes that share one corner pixel overlap there", in -> args(new int[] {0, 0, 2, 2}, new int[] {2, 2, 4, 4}),
          1.0 / 17, "both boxes contain the pixel (2, 2) and nothing else in common: IoU = 1 / (9 + 9 − 1) = 1/17")
      .golden("hand-computed: boxes side by side do not overlap", in -> args(new int[] {0, 0, 2, 2}, new int[] {3, 0, 5, 2}), 0.0,
          "B starts at column 3, right after A's last column 2: side by side, they share no pixel (min(x1) − max(x0) + 1 = 0)")
      .golden("hand-computed: boxes diagonally next to each other do not overlap", in -> args(new int[] {0, 0, 2, 2}, new int[] {3, 3, 5, 5}),
          0.0, "B starts diagonally next to A's last pixel (2, 2): the boxes touch at a corner but share no pixel")
      .golden("disjoint boxes have IoU 0: apart in x and in y", in -> args(new int[] {0, 0, 1, 1}, new int[] {5, 5, 6, 6}), 0.0,
          "the boxes are apart in x and in y; the intersection's width and height are both negative — clamp each at 0 before"
              + " multiplying (two negatives make a positive area)")
      .golden("disjoint boxes have IoU 0: the same rows, other columns", in -> args(new int[] {0, 0, 1, 5}, new int[] {4, 0, 5, 5}), 0.0,
          "the boxes share their rows but not their columns: the intersection is empty")
      .golden("disjoint boxes have IoU 0: the same columns, other rows", in -> args(new int[] {0, 0, 5, 1}, new int[] {0, 3, 5, 4}), 0.0,
          "the boxes share their columns but not their rows: the intersection is empty")
      .random(2020, (in, d) -> args(randomBox(in.random(), d[0]), randomBox(in.random(), d[0])),
          IntStream.range(0, 1000).mapToObj(i -> dims(i % 5 == 0 ? 6 : 64)).toList())
      .randomWhy(a -> "the library's Box.iou gives " + box(a.get(0)).iou(box(a.get(1))))
      .build();

  @TestFactory
  @Order(1)
  @DisplayName("hand-computed: one pixel, overlapping and nested boxes, boxes that touch, disjoint boxes")
  @Points(1)
  Stream<DynamicTest> golden(BoxIou student) {
    return SPEC.golden(student);
  }

  @Test
  @Order(2)
  @DisplayName("random boxes on 6×6 and 64×64 canvases match the library's Box.iou")
  @Points(0.25)
  void randomBoxesMatchReference(BoxIou student) {
    SPEC.assertMatchesReference(student);
  }

  @Test
  @Order(3)
  @DisplayName("the arguments are left unchanged")
  @Points(0.25)
  void argumentsUnchanged(BoxIou student) {
    SPEC.assertArgumentsUnchanged(student);
  }

  private static int[] randomBox(Random random, int size) {
    int x0 = random.nextInt(size);
    int y0 = random.nextInt(size);
    return new int[] {x0, y0, x0 + random.nextInt(size - x0), y0 + random.nextInt(size - y0)};
  }

  private static Box box(int[] b) {
    return new Box(b[0], b[1], b[2], b[3]);
  }
}
