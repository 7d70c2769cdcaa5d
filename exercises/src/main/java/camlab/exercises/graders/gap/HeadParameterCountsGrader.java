package camlab.exercises.graders.gap;

import java.util.Arrays;
import java.util.stream.Stream;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;

import camlab.exercises.graders.Args;
import camlab.exercises.graders.ExerciseGrader;
import camlab.exercises.graders.ExerciseSpec;
import camlab.exercises.graders.Points;
import camlab.model.GlobalAveragePooling;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.AssertionFailedError;

import static camlab.exercises.graders.Args.args;
import static camlab.exercises.graders.ExerciseSpec.dims;

/**
 * Grades exercise 1.2 ({@link HeadParameterCounts}): hand-computed counts, counts of real DJL heads built like the course's FC-CNN
 * and GAP-CNN heads, and sizes whose counts overflow an {@code int}. Sizes where one product alone overflows are
 * {@code HeadParameterCountsHiddenGrader}'s.
 */
@DisplayName("1.2 Parameters of the two heads")
public class HeadParameterCountsGrader extends ExerciseGrader {
  private static final String HINT = "a Linear layer from n inputs to m outputs has n·m weights, plus m biases when it has a bias;"
      + " flattening [K,h,w] gives K·h·w inputs, GAP gives K";
  /** Sizes {K, h, w, hidden, classes}; the result is {FC head, GAP head}. */
  static final ExerciseSpec<HeadParameterCounts> SPEC = ExerciseSpec.of(HeadParameterCounts.class)
      .reference(HeadParameterCountsGrader::realHeads)
      .judge(HeadParameterCountsGrader::judgeCounts)
      .golden("hand-computed: K=2 channels of 3x4, 5 hidden units, 3 classes", in -> args(2, 3, 4, 5, 3), new long[] {143, 6},
          "FC: 24·5 + 5 (first Linear) + 5·3 + 3 (second Linear) = 143; GAP: 2·3 = 6")
      .golden("the course's heads: K=128 channels of 4x4 (the FC head's pooled grid), 128 hidden units, 10 classes",
          in -> args(128, 4, 4, 128, 10), new long[] {128L * 4 * 4 * 128 + 128 + 128 * 10 + 10, 128 * 10},
          "FC: 2048·128 + 128 + 128·10 + 10; GAP: 128·10")
      .random(0, (in, d) -> args(d[0], d[1], d[2], d[3], d[4]),
          dims(1, 1, 1, 1, 1), dims(3, 2, 2, 4, 2), dims(16, 5, 3, 7, 10), dims(8, 8, 8, 32, 4), dims(32, 1, 9, 6, 1))
      .randomWhy(a -> "DJL's own heads of these sizes have that many")
      .build();

  @TestFactory
  @Order(1)
  @DisplayName("hand-computed: a tiny head and the course's heads")
  @Points(1)
  Stream<DynamicTest> golden(HeadParameterCounts student) {
    return SPEC.golden(student);
  }

  @Test
  @Order(2)
  @DisplayName("counts equal those of real DJL heads built with these sizes")
  @Points(1)
  void matchesRealBlocks(HeadParameterCounts student) {
    SPEC.assertMatchesReference(student);
  }

  @Test
  @Order(3)
  @DisplayName("large heads: counts beyond Integer.MAX_VALUE need long arithmetic")
  @Points(0.5)
  void largeCountsDoNotOverflow(HeadParameterCounts student) {
    SPEC.assertResult(student, args(512, 32, 32, 4096, 1000), new long[] {512L * 32 * 32 * 4096 + 4096 + 4096L * 1000 + 1000, 512L * 1000},
        "VGG-sized: 512 channels of 32x32 into 4096 hidden units: 512·1024·4096 = 2^31 weights in the first Linear alone");
  }

  /** {FC head, GAP head} for sizes {@code {K, h, w, hidden, classes}}, read off DJL blocks built with those sizes. */
  private static long[] realHeads(Args a) {
    try (NDManager manager = NDManager.newBaseManager()) {
      Shape input = new Shape(1, a.integer(0), a.integer(1), a.integer(2));
      Block fc = new SequentialBlock().add(Blocks.batchFlattenBlock()).add(Linear.builder().setUnits(a.integer(3)).build())
          .add(Activation.reluBlock()).add(Linear.builder().setUnits(a.integer(4)).build());
      Block gap = new SequentialBlock().add(new GlobalAveragePooling()).add(Linear.builder().setUnits(a.integer(4)).optBias(false).build());
      return new long[] {count(fc, manager, input), count(gap, manager, input)};
    }
  }

  private static long count(Block head, NDManager manager, Shape input) {
    head.initialize(manager, DataType.FLOAT32, input);
    long n = 0;
    for (Parameter p : head.getParameters().values()) n += p.getArray().size();
    return n;
  }

  /** Says which head is wrong, and when the answer is off by a multiple of 2³², that an int product overflowed. */
  static void judgeCounts(Args a, Object expected, Object actual, String call, String why) {
    long fc = ((long[]) expected)[0];
    long gap = ((long[]) expected)[1];
    long[] got = (long[]) actual;
    String derivation = why.isEmpty() ? "" : " (" + why + ")";
    if (got == null || got.length != 2) {
      throw new AssertionFailedError(call + " returned " + (got == null ? "null" : Arrays.toString(got))
          + "; it must return two numbers: {FC head, GAP head}");
    }
    if (got[0] == gap && got[1] == fc && fc != gap) {
      throw new AssertionFailedError(call + " returned " + Arrays.toString(got) + ": the two counts are swapped — index 0 is the FC head,"
          + " index 1 the GAP head");
    }
    if (got[0] != fc) {
      throw new AssertionFailedError(call + ": the FC head (flatten → Linear(" + a.integer(3) + ") → ReLU → Linear(" + a.integer(4)
          + "), both with bias) should have " + fc + " parameters but the answer says " + got[0] + " — " + reason(got[0], fc) + derivation);
    }
    if (got[1] != gap) {
      throw new AssertionFailedError(call + ": the GAP head (GAP → Linear(" + a.integer(4) + ") without bias) should have " + gap
          + " parameters but the answer says " + got[1] + " — " + reason(got[1], gap) + derivation);
    }
  }

  /**
   * An int product that overflows wraps modulo 2³², and so does a sum of such products: an answer that differs from the count by a
   * multiple of 2³² computed the right formula in int arithmetic.
   */
  private static String reason(long got, long expected) {
    if ((got - expected) % (1L << 32) == 0) {
      return "that is the right count modulo 2³²: an int product overflowed (an int holds at most 2147483647) — multiply in long,"
          + " e.g. (long) channels * height * width";
    }
    return HINT;
  }
}
