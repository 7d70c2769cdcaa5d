package camlab.exercises.graders.cam;

import java.util.Random;

import camlab.exercises.graders.ArrayGrader;
import camlab.exercises.graders.StudentAnswer;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import static camlab.exercises.graders.cam.BilinearUpsampleGrader.assertMatchesReference;

/**
 * The hidden tests of exercise 2.3, run only when an instructor grades: maps whose height and width grow by different factors, so
 * that the rows must be sampled with h/height and the columns with w/width (the visible maps grow by one factor, where the two
 * ratios are interchangeable).
 */
@ExtendWith(StudentAnswer.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("2.3 Bilinear upsampling (hidden)")
public class BilinearUpsampleHiddenGrader extends ArrayGrader {
  @Test
  @Order(6)
  @DisplayName("height and width grow by different factors: rows use h/height, columns w/width, as MapOps.upsampleBilinear")
  void differentFactorsPerAxis(BilinearUpsample student) {
    // factors (height/h, width/w): (2.67, 2.6), (2.25, 4.5), (2.5, 1), (1, 3.5)
    assertMatchesReference(manager, student, new int[][] {{3, 5, 8, 13}, {4, 2, 9, 9}, {2, 6, 5, 6}, {7, 4, 7, 14}}, new Random(2017));
  }
}
