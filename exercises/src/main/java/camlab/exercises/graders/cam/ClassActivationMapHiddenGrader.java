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

import static camlab.exercises.graders.cam.ClassActivationMapGrader.assertMatchesReference;

/**
 * The hidden tests of exercise 2.1, run only when an instructor grades: grids one pixel high or wide, where the map [h,w]
 * still has both axes (an answer that drops every axis of length 1, e.g. with squeeze(), passes the visible grids and fails here).
 */
@ExtendWith(StudentAnswer.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("2.1 Class activation map (hidden)")
public class ClassActivationMapHiddenGrader extends ArrayGrader {
  @Test
  @Order(6)
  @DisplayName("grids one pixel high or wide, and a single pixel: the map keeps its shape [h,w] and matches the library's Cam")
  void thinGridsKeepTheirShape(ClassActivationMap student) {
    assertMatchesReference(manager, student, new int[][] {{2, 1, 9}, {4, 6, 1}, {3, 1, 1}, {1, 1, 1}}, new Random(2016));
  }
}
