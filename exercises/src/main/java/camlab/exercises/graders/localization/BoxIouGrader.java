package camlab.exercises.graders.localization;

import java.util.Arrays;
import java.util.Random;

import camlab.exercises.graders.Arguments;
import camlab.exercises.graders.Points;
import camlab.exercises.graders.StudentAnswer;
import camlab.ops.Box;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opentest4j.AssertionFailedError;

/**
 * Grades exercise 6.1 ({@link BoxIou}): hand-computed IoUs, touching, adjacent and disjoint boxes, random boxes against
 * {@link Box#iou}; every call must leave both boxes unchanged. Boxes whose areas overflow an int are {@code BoxIouHiddenGrader}'s.
 */
@ExtendWith(StudentAnswer.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("6.1 IoU of two boxes")
public class BoxIouGrader {
  static final double TOL = 1e-6;   // float arithmetic in an answer is fine
  static final String HINT = "inclusive coordinates: width = x1 − x0 + 1, height = y1 − y0 + 1; the intersection is"
      + " [max(x0), min(x1)] × [max(y0), min(y1)], empty (0) when min(x1) < max(x0) or min(y1) < max(y0)";

  @Test
  @Order(1)
  @DisplayName("hand-computed: a one-pixel box with itself has IoU 1")
  @Points(0.25)
  void goldenOnePixel(BoxIou student) {
    assertIou(student, new int[] {3, 5, 3, 5}, new int[] {3, 5, 3, 5}, 1.0,
        "a box with x0 = x1 and y0 = y1 is one pixel (1×1), not empty: both areas are 1 and so is the intersection");
  }

  @Test
  @Order(2)
  @DisplayName("hand-computed: two 4×4 boxes overlapping in a 2×2 corner: 4 / (16 + 16 − 4) = 1/7")
  @Points(0.25)
  void goldenOverlap(BoxIou student) {
    assertIou(student, new int[] {0, 0, 3, 3}, new int[] {2, 2, 5, 5}, 4.0 / 28,
        "A covers columns and rows 0..3 (4×4 = 16 pixels), B 2..5 (16 pixels); they share columns and rows 2..3 (2×2 = 4):"
            + " IoU = 4 / (16 + 16 − 4) = 0.142857");
    assertIou(student, new int[] {0, 0, 9, 9}, new int[] {2, 3, 4, 5}, 9.0 / 100,
        "B (3×3 = 9 pixels) lies inside A (10×10 = 100): the intersection is B and the union is A, IoU = 9 / 100");
  }

  @Test
  @Order(3)
  @DisplayName("hand-computed: boxes that share one column or one corner pixel overlap there; boxes side by side do not")
  @Points(0.25)
  void goldenTouching(BoxIou student) {
    assertIou(student, new int[] {0, 0, 2, 2}, new int[] {2, 0, 4, 2}, 3.0 / 15,
        "both boxes contain column x = 2 (inclusive coordinates), so they share 1×3 = 3 pixels: IoU = 3 / (9 + 9 − 3) = 0.2");
    assertIou(student, new int[] {0, 0, 2, 2}, new int[] {2, 2, 4, 4}, 1.0 / 17,
        "both boxes contain the pixel (2, 2) and nothing else in common: IoU = 1 / (9 + 9 − 1) = 1/17");
    assertIou(student, new int[] {0, 0, 2, 2}, new int[] {3, 0, 5, 2}, 0,
        "B starts at column 3, right after A's last column 2: side by side, they share no pixel (min(x1) − max(x0) + 1 = 0)");
    assertIou(student, new int[] {0, 0, 2, 2}, new int[] {3, 3, 5, 5}, 0,
        "B starts diagonally next to A's last pixel (2, 2): the boxes touch at a corner but share no pixel");
  }

  @Test
  @Order(4)
  @DisplayName("disjoint boxes have IoU 0 (no negative or phantom intersection)")
  @Points(0.25)
  void disjoint(BoxIou student) {
    assertIou(student, new int[] {0, 0, 1, 1}, new int[] {5, 5, 6, 6}, 0,
        "the boxes are apart in x and in y; the intersection's width and height are both negative — clamp each at 0 before"
            + " multiplying (two negatives make a positive area)");
    assertIou(student, new int[] {0, 0, 1, 5}, new int[] {4, 0, 5, 5}, 0,
        "the boxes share their rows but not their columns: the intersection is empty");
    assertIou(student, new int[] {0, 0, 5, 1}, new int[] {0, 3, 5, 4}, 0,
        "the boxes share their columns but not their rows: the intersection is empty");
  }

  @Test
  @Order(5)
  @DisplayName("random boxes on a 64×64 canvas match the library's Box.iou, in both argument orders")
  @Points(0.25)
  void randomBoxesMatchReference(BoxIou student) {
    Random random = new Random(2020);
    for (int i = 0; i < 500; i++) {
      int[] a = randomBox(random, i % 5 == 0 ? 6 : 64);
      int[] b = randomBox(random, i % 5 == 0 ? 6 : 64);
      double expected = box(a).iou(box(b));
      assertIou(student, a, b, expected, "Box.iou gives " + expected);
      assertIou(student, b, a, expected, "IoU is symmetric: Box.iou gives " + expected);
    }
  }

  @Test
  @Order(7)
  @DisplayName("the arguments are left unchanged")
  @Points(0.25)
  void argumentsUnchanged(BoxIou student) {
    int[] a = {1, 2, 7, 9};
    int[] b = {4, 0, 12, 5};
    assertIou(student, a, b, box(a).iou(box(b)), "the boxes share columns 4..7 and rows 2..5: 16 / (56 + 54 − 16)");
  }

  static void assertIou(BoxIou student, int[] a, int[] b, double expected, String why) {
    String call = "boxIou(" + Arrays.toString(a) + ", " + Arrays.toString(b) + ")";
    int[] aCopy = a.clone();
    int[] bCopy = b.clone();
    Arguments before = Arguments.of("a", aCopy).and("b", bCopy);
    double got = student.boxIou(aCopy, bCopy);
    before.assertUnchanged(call, "compute into local variables");
    if (!(Math.abs(got - expected) <= TOL)) {
      throw new AssertionFailedError(call + " should be " + expected + " but is " + got + " — " + why + " (" + HINT + ")");
    }
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
