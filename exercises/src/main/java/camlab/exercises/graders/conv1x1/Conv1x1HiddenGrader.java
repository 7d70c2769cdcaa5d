package camlab.exercises.graders.conv1x1;

import java.util.List;

import camlab.exercises.graders.ExerciseGrader;
import camlab.exercises.graders.Points;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static camlab.exercises.graders.ExerciseSpec.dims;
import static camlab.exercises.graders.conv1x1.Conv1x1Grader.SPEC;

/**
 * The hidden tests of exercise 5.1, run only when an instructor grades: a single input channel (K = 1) or a single class (C = 1)
 * — every visible call has several of both — where an answer that special-cases them (e.g. S = w·A + b computed in the caller's
 * features) fails.
 */
@DisplayName("5.1 1x1 convolution (hidden)")
public class Conv1x1HiddenGrader extends ExerciseGrader {
  @Test
  @DisplayName("a single channel (K = 1) or a single class (C = 1): the maps match Conv2d.conv2d and the arguments are left unchanged")
  @Points(0.5)
  void singleChannelOrClass(Conv1x1 student) {
    // {B, K, C, h, w}
    SPEC.assertMatchesReference(student, 2013, List.of(dims(1, 1, 1, 1, 1), dims(2, 1, 1, 3, 4), dims(2, 1, 3, 2, 2), dims(3, 4, 1, 2, 5)));
  }
}
