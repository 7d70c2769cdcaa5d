package camlab.exercises.graders.cam;

import java.util.List;

import camlab.exercises.graders.ExerciseGrader;
import camlab.exercises.graders.Points;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static camlab.exercises.graders.ExerciseSpec.dims;
import static camlab.exercises.graders.cam.BilinearUpsampleGrader.SPEC;

/**
 * The hidden tests of exercise 2.3, run only when an instructor grades: maps whose height and width grow by different factors, so
 * that the rows must be sampled with h/height and the columns with w/width (the visible maps grow by one factor, where the two
 * ratios are interchangeable).
 */
@DisplayName("2.3 Bilinear upsampling (hidden)")
public class BilinearUpsampleHiddenGrader extends ExerciseGrader {
  @Test
  @DisplayName("height and width grow by different factors: rows use h/height, columns w/width, as MapOps.upsampleBilinear")
  @Points(0.5)
  void differentFactorsPerAxis(BilinearUpsample student) {
    // factors (height/h, width/w): (2.67, 2.6), (2.25, 4.5), (2.5, 1), (1, 3.5)
    SPEC.assertMatchesReference(student, 2017, List.of(dims(3, 5, 8, 13), dims(4, 2, 9, 9), dims(2, 6, 5, 6), dims(7, 4, 7, 14)));
  }
}
