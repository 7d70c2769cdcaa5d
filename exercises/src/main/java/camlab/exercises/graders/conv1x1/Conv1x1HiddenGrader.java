package camlab.exercises.graders.conv1x1;

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

import static camlab.exercises.graders.conv1x1.Conv1x1Grader.assertMatchesConvolution;

/**
 * The hidden tests of exercise 5.1, run only when an instructor grades: a single input channel (K = 1) or a single class (C = 1)
 * — every visible call has several of both — where an answer that special-cases them (e.g. S = w·A + b computed in the caller's
 * features) fails.
 */
@ExtendWith(StudentAnswer.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("5.1 1x1 convolution (hidden)")
public class Conv1x1HiddenGrader extends ArrayGrader {
  @Test
  @Order(5)
  @DisplayName("a single channel (K = 1) or a single class (C = 1): the maps match Conv2d.conv2d and the arguments are left unchanged")
  @Points(0.5)
  void singleChannelOrClass(Conv1x1 student) {
    // {B, K, C, h, w}
    assertMatchesConvolution(manager, student, new int[][] {{1, 1, 1, 1, 1}, {2, 1, 1, 3, 4}, {2, 1, 3, 2, 2}, {3, 4, 1, 2, 5}},
        new Random(2013));
  }
}
