package camlab.exercises.graders.gradcam;

import java.util.Random;

import camlab.exercises.graders.ArrayGrader;
import camlab.exercises.graders.Points;
import camlab.exercises.graders.StudentAnswer;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import static camlab.exercises.graders.gradcam.CounterfactualMapGrader.assertMatchesReference;

/**
 * The hidden tests of exercise 3.3, run only when an instructor grades: activations of either sign, as at a layer before its ReLU
 * (the visible ones are all ≥ 0), where the ReLU must act on the weighted sum and nowhere else.
 */
@ExtendWith(StudentAnswer.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("3.3 Counterfactual map (hidden)")
public class CounterfactualMapHiddenGrader extends ArrayGrader {
  @Test
  @Order(5)
  @DisplayName("activations of either sign (a split before the ReLU): the map is still ReLU(Σ_k (−α_k) A_k), as the library's")
  @Points(0.5)
  void activationsOfEitherSign(CounterfactualMap student) {
    assertMatchesReference(manager, student, new int[][] {{2, 3, 4, 5}, {4, 64, 7, 7}, {1, 5, 2, 9}}, new Random(2019), true);
  }
}
