package camlab.exercises.graders.conv1x1;

import java.util.Random;

import camlab.exercises.graders.ArrayGrader;
import camlab.exercises.graders.StudentAnswer;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import static camlab.exercises.graders.conv1x1.LogitsFromClassMapsGrader.assertMatchesReference;

/**
 * The hidden tests of exercise 5.2, run only when an instructor grades: a single image (B = 1) or a single class (C = 1), where the
 * logits [B,C] still have both axes (an answer that pools to 1×1 and drops every axis of length 1, e.g. with squeeze(), passes the
 * visible batches and fails here).
 */
@ExtendWith(StudentAnswer.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("5.2 Logits from class maps (hidden)")
public class LogitsFromClassMapsHiddenGrader extends ArrayGrader {
  @Test
  @Order(4)
  @DisplayName("a single image (B = 1) or a single class (C = 1): the logits keep their shape [B,C] and match the library's pooling")
  void singleImageOrClassKeepsTheShape(LogitsFromClassMaps student) {
    assertMatchesReference(manager, student, new int[][] {{1, 10, 7, 7}, {4, 1, 3, 3}, {1, 3, 1, 9}, {1, 1, 1, 1}}, new Random(2013));
  }
}
