package camlab.exercises.graders.cam;

import java.util.stream.Stream;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

import camlab.exercises.graders.Args;
import camlab.exercises.graders.ExerciseGrader;
import camlab.exercises.graders.ExerciseSpec;
import camlab.exercises.graders.Inputs;
import camlab.exercises.graders.NDAssert;
import camlab.exercises.graders.Points;
import camlab.exercises.graders.Tensor;
import camlab.ops.MapOps;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.AssertionFailedError;

import static camlab.exercises.graders.Args.args;
import static camlab.exercises.graders.ExerciseSpec.dims;

/**
 * Grades exercise 2.2 ({@link MinMaxNormalize}): golden values, constant maps, random maps against {@link MapOps#minMaxNormalize};
 * every result must be float32 of the map's shape, and every call must leave the map unchanged. Maps whose range is tiny but not 0
 * are {@code MinMaxNormalizeHiddenGrader}'s.
 */
@DisplayName("2.2 Min-max normalisation")
public class MinMaxNormalizeGrader extends ExerciseGrader {
  static final String SHAPE_HINT = "the result has the map's shape";
  static final ExerciseSpec<MinMaxNormalize> SPEC = ExerciseSpec.of(MinMaxNormalize.class)
      .reference(a -> MapOps.minMaxNormalize(a.array(0).expandDims(0)).squeeze(0))
      .tolerance(1e-5)
      .shapeHint(SHAPE_HINT)
      .unchanged("map")
      .golden("hand-computed: [[2,4],[6,10]] becomes [[0,0.25],[0.5,1]]", in -> args(in.array(new float[] {2, 4, 6, 10}, 2, 2)),
          Tensor.of(new float[] {0, 0.25f, 0.5f, 1}, 2, 2), "with M=[[2,4],[6,10]] (min 2, max 10: subtract the min, divide by max − min = 8)")
      .golden("hand-computed: negative values, [[-3,1,5]] becomes [[0,0.5,1]]", in -> args(in.array(new float[] {-3, 1, 5}, 1, 3)),
          Tensor.of(new float[] {0, 0.5f, 1}, 1, 3), "with M=[[-3,1,5]] (the min is negative: the smallest value must still become 0)")
      .random(2016, (in, d) -> args(in.gaussian(d[0], d[1]).mul(in.random().nextFloat() * 20).add(in.random().nextFloat() * 10 - 5)),
          dims(16, 16), dims(7, 7), dims(3, 5), dims(1, 9), dims(64, 64))
      .build();

  @TestFactory
  @Order(1)
  @DisplayName("hand-computed: [[2,4],[6,10]] and [[-3,1,5]]")
  @Points(0.5)
  Stream<DynamicTest> golden(MinMaxNormalize student) {
    return SPEC.golden(student);
  }

  @Test
  @Order(2)
  @DisplayName("constant maps become all zeros, never NaN")
  @Points(0.25)
  void constantMapsBecomeZeros(MinMaxNormalize student) {
    for (float value : new float[] {3.5f, 0, -2}) {
      try (Inputs in = new Inputs(0)) {
        Args args = args(in.array(Tensor.filled(value, 2, 3).values(), 2, 3));
        NDArray got = (NDArray) SPEC.call(student, args);
        String call = SPEC.describe(args);
        NDAssert.assertShapeAndType(new Shape(2, 3), got, call, SHAPE_HINT);
        float[] g = got.toFloatArray();
        for (int i = 0; i < g.length; i++) {
          if (g[i] != 0f) {
            throw new AssertionFailedError(call + " with every value " + value + ": element " + NDAssert.index(i, new Shape(2, 3)) + " is "
                + g[i] + (Float.isNaN(g[i])
                    ? " — max − min is 0 there, and dividing by it gives 0/0 = NaN: check for max = min before dividing"
                    : " but a constant map must become all zeros (nothing in it stands out)"));
          }
        }
      }
    }
    SPEC.assertCase(student, in -> args(in.array(new float[] {7}, 1, 1)), Tensor.of(new float[] {0}, 1, 1),
        "with a single value 7 (a 1x1 map is constant)");
  }

  @Test
  @Order(3)
  @DisplayName("random maps match the library's MapOps.minMaxNormalize: min 0, max 1")
  @Points(0.5)
  void randomMapsMatchReference(MinMaxNormalize student) {
    SPEC.assertMatchesReference(student);
  }

  @Test
  @Order(4)
  @DisplayName("the argument is left unchanged (no in-place operations, nothing closed)")
  @Points(0.25)
  void argumentIsNotModified(MinMaxNormalize student) {
    SPEC.assertArgumentsUnchanged(student);
  }
}
