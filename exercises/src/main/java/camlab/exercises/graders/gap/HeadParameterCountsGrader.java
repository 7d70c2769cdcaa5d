package camlab.exercises.graders.gap;

import java.util.Arrays;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;

import camlab.exercises.graders.Points;
import camlab.exercises.graders.StudentAnswer;
import camlab.model.GlobalAveragePooling;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opentest4j.AssertionFailedError;

/**
 * Grades exercise 1.2 ({@link HeadParameterCounts}): hand-computed counts, counts of real DJL heads built
 * like the course's FC-CNN and GAP-CNN heads, and sizes whose counts overflow an {@code int}. Sizes where one product alone
 * overflows are {@code HeadParameterCountsHiddenGrader}'s.
 */
@ExtendWith(StudentAnswer.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("1.2 Parameters of the two heads")
public class HeadParameterCountsGrader {
  private static final String HINT = "a Linear layer from n inputs to m outputs has n·m weights, plus m biases when it has a bias;"
      + " flattening [K,h,w] gives K·h·w inputs, GAP gives K";

  @Test
  @Order(1)
  @DisplayName("hand-computed: K=2 channels of 3x4, 5 hidden units, 3 classes")
  @Points(0.5)
  void goldenTiny(HeadParameterCounts student) {
    // FC: 24·5 + 5 (first Linear) + 5·3 + 3 (second Linear) = 143; GAP: 2·3 = 6
    assertCounts(student, 2, 3, 4, 5, 3, 143, 6);
  }

  @Test
  @Order(2)
  @DisplayName("the course's heads: K=128 channels of 4x4 (the FC head's pooled grid), 128 hidden units, 10 classes")
  @Points(0.5)
  void goldenCourseModels(HeadParameterCounts student) {
    assertCounts(student, 128, 4, 4, 128, 10, 128L * 4 * 4 * 128 + 128 + 128 * 10 + 10, 128 * 10);
  }

  @Test
  @Order(3)
  @DisplayName("counts equal those of real DJL heads built with these sizes")
  @Points(1)
  void matchesRealBlocks(HeadParameterCounts student) {
    int[][] sizes = {{1, 1, 1, 1, 1}, {3, 2, 2, 4, 2}, {16, 5, 3, 7, 10}, {8, 8, 8, 32, 4}, {32, 1, 9, 6, 1}};
    try (NDManager manager = NDManager.newBaseManager()) {
      for (int[] s : sizes) {
        long fc = count(fcHead(s[3], s[4]), manager, s);
        long gap = count(gapHead(s[4]), manager, s);
        assertCounts(student, s[0], s[1], s[2], s[3], s[4], fc, gap);
      }
    }
  }

  @Test
  @Order(4)
  @DisplayName("large heads: counts beyond Integer.MAX_VALUE need long arithmetic")
  @Points(0.5)
  void largeCountsDoNotOverflow(HeadParameterCounts student) {
    // VGG-sized: 512 channels of 32x32 into 4096 hidden units: 512·1024·4096 = 2^31 weights in the first Linear alone
    assertCounts(student, 512, 32, 32, 4096, 1000, 512L * 32 * 32 * 4096 + 4096 + 4096L * 1000 + 1000, 512L * 1000);
  }

  static void assertCounts(HeadParameterCounts student, int k, int h, int w, int hidden, int c, long fc, long gap) {
    String call = "headParameterCounts(channels=" + k + ", height=" + h + ", width=" + w + ", hidden=" + hidden + ", classes=" + c + ")";
    long[] got = student.headParameterCounts(k, h, w, hidden, c);
    if (got == null || got.length != 2) {
      throw new AssertionFailedError(call + " returned " + (got == null ? "null" : Arrays.toString(got))
          + "; it must return two numbers: {FC head, GAP head}");
    }
    if (got[0] == gap && got[1] == fc && fc != gap) {
      throw new AssertionFailedError(call + " returned " + Arrays.toString(got) + ": the two counts are swapped — index 0 is the FC head, index 1 the GAP head");
    }
    if (got[0] != fc) {
      throw new AssertionFailedError(call + ": the FC head (flatten → Linear(" + hidden + ") → ReLU → Linear(" + c
          + "), both with bias) should have " + fc + " parameters but the answer says " + got[0] + " — " + why(got[0], fc));
    }
    if (got[1] != gap) {
      throw new AssertionFailedError(call + ": the GAP head (GAP → Linear(" + c + ") without bias) should have " + gap
          + " parameters but the answer says " + got[1] + " — " + why(got[1], gap));
    }
  }

  /**
   * An int product that overflows wraps modulo 2³², and so does a sum of such products: an answer that differs from the count by a
   * multiple of 2³² computed the right formula in int arithmetic.
   */
  private static String why(long got, long expected) {
    if ((got - expected) % (1L << 32) == 0) {
      return "that is the right count modulo 2³²: an int product overflowed (an int holds at most 2147483647) — multiply in long,"
          + " e.g. (long) channels * height * width";
    }
    return HINT;
  }

  private static Block fcHead(int hidden, int classes) {
    return new SequentialBlock()
        .add(Blocks.batchFlattenBlock())
        .add(Linear.builder().setUnits(hidden).build())
        .add(Activation.reluBlock())
        .add(Linear.builder().setUnits(classes).build());
  }

  private static Block gapHead(int classes) {
    return new SequentialBlock().add(new GlobalAveragePooling()).add(Linear.builder().setUnits(classes).optBias(false).build());
  }

  private static long count(Block head, NDManager manager, int[] s) {
    head.initialize(manager, DataType.FLOAT32, new Shape(1, s[0], s[1], s[2]));
    long n = 0;
    for (Parameter p : head.getParameters().values()) n += p.getArray().size();
    return n;
  }
}
