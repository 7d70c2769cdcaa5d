package camlab.exercises.graders.cam;

import java.util.List;

import camlab.exercises.graders.ExerciseGrader;
import camlab.exercises.graders.Points;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static camlab.exercises.graders.ExerciseSpec.dims;
import static camlab.exercises.graders.cam.ClassActivationMapGrader.SPEC;

/**
 * The hidden tests of exercise 2.1, run only when an instructor grades: grids one pixel high or wide, where the map [h,w]
 * still has both axes (an answer that drops every axis of length 1, e.g. with squeeze(), passes the visible grids and fails here).
 */
@DisplayName("2.1 Class activation map (hidden)")
public class ClassActivationMapHiddenGrader extends ExerciseGrader {
  @Test
  @DisplayName("grids one pixel high or wide, and a single pixel: the map keeps its shape [h,w] and matches the library's Cam")
  @Points(0.5)
  void thinGridsKeepTheirShape(ClassActivationMap student) {
    SPEC.assertMatchesReference(student, 2016, List.of(dims(2, 1, 9), dims(4, 6, 1), dims(3, 1, 1), dims(1, 1, 1)));
  }
}
