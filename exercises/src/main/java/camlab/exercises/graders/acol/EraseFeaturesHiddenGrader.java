package camlab.exercises.graders.acol;

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

import static camlab.exercises.graders.acol.EraseFeaturesGrader.assertMatchesReference;

/**
 * The hidden tests of exercise 4.2, run only when an instructor grades: a batch of one image (every visible batch has several),
 * where an answer that special-cases B = 1 — e.g. erasing the caller's features in place — fails.
 */
@ExtendWith(StudentAnswer.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("4.2 Erasing the features (hidden)")
public class EraseFeaturesHiddenGrader extends ArrayGrader {
  @Test
  @Order(5)
  @DisplayName("a batch of one image: the result matches A ⊙ mask and the arguments are left unchanged")
  @Points(0.5)
  void batchOfOne(EraseFeatures student) {
    assertMatchesReference(manager, student, new int[][] {{1, 1, 2, 2}, {1, 6, 5, 5}, {1, 32, 7, 7}}, new Random(2018));
  }
}
