package camlab.exercises.graders.gradcam;

import java.util.List;

import camlab.exercises.graders.ExerciseGrader;
import camlab.exercises.graders.Points;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static camlab.exercises.graders.ExerciseSpec.dims;
import static camlab.exercises.graders.gradcam.CounterfactualMapGrader.SPEC;

/**
 * The hidden tests of exercise 3.3, run only when an instructor grades: activations of either sign, as at a layer before its ReLU
 * (the visible ones are all ≥ 0), where the ReLU must act on the weighted sum and nowhere else.
 */
@DisplayName("3.3 Counterfactual map (hidden)")
public class CounterfactualMapHiddenGrader extends ExerciseGrader {
  @Test
  @DisplayName("activations of either sign (a split before the ReLU): the map is still ReLU(Σ_k (−α_k) A_k), as the library's")
  @Points(0.5)
  void activationsOfEitherSign(CounterfactualMap student) {
    SPEC.assertMatchesReference(student, 2019, List.of(dims(2, 3, 4, 5, 1), dims(4, 64, 7, 7, 1), dims(1, 5, 2, 9, 1)));
  }
}
