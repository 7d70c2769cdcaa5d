package camlab.exercises.graders.gap;

import java.util.Arrays;
import java.util.Random;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

import camlab.exercises.graders.ArrayGrader;
import camlab.exercises.graders.NDAssert;
import camlab.exercises.graders.Points;
import camlab.exercises.graders.StudentAnswer;
import camlab.model.GlobalAveragePooling;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import static camlab.exercises.graders.gap.GlobalAveragePoolGrader.REL_TOL;
import static camlab.exercises.graders.gap.GlobalAveragePoolGrader.SHAPE_HINT;
import static camlab.exercises.graders.gap.GlobalAveragePoolGrader.call;
import static camlab.exercises.graders.gap.GlobalAveragePoolGrader.pool;

/**
 * The hidden tests of exercise 1.1, run only when an instructor grades: a grid of a million positions, whose mean must be
 * as accurate as on a small grid (a running sum kept in a float, which the visible grids never show, drifts here).
 */
@ExtendWith(StudentAnswer.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("1.1 Global average pooling (hidden)")
public class GlobalAveragePoolHiddenGrader extends ArrayGrader {
  private static final int SIDE = 1024;

  @Test
  @Order(6)
  @DisplayName("a large grid, 1024x1024 positions: each channel's mean is still accurate to float precision")
  @Points(0.5)
  void largeGridMeanIsAccurate(GlobalAveragePool student) {
    int positions = SIDE * SIDE;
    float[] values = new float[2 * positions];
    Arrays.fill(values, 0, positions, 0.1f);
    Random random = new Random(2014);
    for (int i = positions; i < values.length; i++) values[i] = 2 + random.nextFloat();
    NDArray features = manager.create(values, new Shape(2, SIDE, SIDE));
    float[] expected = GlobalAveragePooling.pool(features.expandDims(0)).squeeze(0).toFloatArray();
    NDAssert.assertValues(expected, new Shape(2), pool(student, features), REL_TOL,
        call(features) + " with A_0 = 0.1 at all " + positions + " positions (its mean is 0.1) and A_1 uniform in [2, 3): over a"
            + " million values, a running sum kept in a float drifts by about 1 % (each addition rounds to the sum's precision);"
            + " one kept in a double, or the NDArray's own mean or sum, does not",
        SHAPE_HINT);
  }
}
