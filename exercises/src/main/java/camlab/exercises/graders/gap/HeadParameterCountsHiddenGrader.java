package camlab.exercises.graders.gap;

import camlab.exercises.graders.Points;
import camlab.exercises.graders.StudentAnswer;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import static camlab.exercises.graders.gap.HeadParameterCountsGrader.assertCounts;

/**
 * The hidden tests of exercise 1.2, run only when an instructor grades: sizes where one product alone overflows an {@code int}
 * while the others are small, so an answer that computes all but one of them in {@code long} passes the visible tests and fails
 * here.
 */
@ExtendWith(StudentAnswer.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("1.2 Parameters of the two heads (hidden)")
public class HeadParameterCountsHiddenGrader {
  @Test
  @Order(5)
  @DisplayName("each product can overflow an int on its own: K·h·w, hidden·classes and channels·classes")
  @Points(0.5)
  void everyProductNeedsLong(HeadParameterCounts student) {
    // K·h·w = 2048·1024·1024 = 2³¹ inputs to the FC head's first Linear
    assertCounts(student, 2048, 1024, 1024, 1, 1, (1L << 31) + 1 + 1 + 1, 2048);
    // hidden·classes = 65536·65536 = 2³² weights in the FC head's second Linear
    assertCounts(student, 1, 1, 1, 65536, 65536, 65536 + 65536 + (1L << 32) + 65536, 65536);
    // channels·classes = 65536·65536 = 2³² weights in the GAP head's Linear
    assertCounts(student, 65536, 1, 1, 1, 65536, 65536 + 1 + 65536 + 65536, 1L << 32);
  }
}
