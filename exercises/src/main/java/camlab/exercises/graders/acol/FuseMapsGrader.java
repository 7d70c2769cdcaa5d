package camlab.exercises.graders.acol;

import java.util.Random;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

import camlab.exercises.graders.Arguments;
import camlab.exercises.graders.ArrayGrader;
import camlab.exercises.graders.Inputs;
import camlab.exercises.graders.NDAssert;
import camlab.exercises.graders.Points;
import camlab.exercises.graders.StudentAnswer;
import camlab.ops.MapOps;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Grades exercise 4.3 ({@link FuseMaps}): golden values, constant maps, random maps against the library's fusion (as in
 * {@code AcolMaps}); every result must be float32 of the maps' shape, and every call must leave its arguments unchanged. Maps whose
 * range is tiny but not 0 are {@code FuseMapsHiddenGrader}'s.
 */
@ExtendWith(StudentAnswer.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("4.3 Fusing the two maps")
public class FuseMapsGrader extends ArrayGrader {
  static final String SHAPE_HINT = "the maps' shape [B,h,w]";
  static final double REL_TOL = 1e-5;

  @Test
  @Order(1)
  @DisplayName("hand-computed: normalise each map first, then take the larger value at each position")
  @Points(0.25)
  void goldenOneImage(FuseMaps student) {
    NDArray a = manager.create(new float[] {0, 2, 4, 8}, new Shape(1, 2, 2));
    NDArray b = manager.create(new float[] {5, 1, 3, 1}, new Shape(1, 2, 2));
    // minmax(A) = [[0,0.25],[0.5,1]], minmax(B) = [[1,0],[0.5,0]] → max [[1,0.25],[0.5,1]]
    NDAssert.assertValues(new float[] {1, 0.25f, 0.5f, 1}, new Shape(1, 2, 2), fuse(student, a, b), REL_TOL,
        call(a, b) + " with M_A=[[0,2],[4,8]] → [[0,0.25],[0.5,1]] and M_B=[[5,1],[3,1]] → [[1,0],[0.5,0]] after min-max"
            + " (normalise first: the raw scales of the two branches are not comparable)", SHAPE_HINT);
  }

  @Test
  @Order(2)
  @DisplayName("hand-computed: every map of the batch is normalised on its own")
  @Points(0.25)
  void goldenPerMap(FuseMaps student) {
    NDArray a = manager.create(new float[] {0, 1, 10, 30}, new Shape(2, 1, 2));
    NDArray b = manager.create(new float[] {4, 2, 0, -1}, new Shape(2, 1, 2));
    // A: [[0,1]], [[0,1]]; B: [[1,0]], [[1,0]] → [[1,1]], [[1,1]]
    NDAssert.assertValues(new float[] {1, 1, 1, 1}, new Shape(2, 1, 2), fuse(student, a, b), REL_TOL,
        call(a, b) + " with image 0: M_A=[[0,1]], M_B=[[4,2]]; image 1: M_A=[[10,30]], M_B=[[0,-1]] — each map's own min and max",
        SHAPE_HINT);
  }

  @Test
  @Order(3)
  @DisplayName("constant maps count as zeros: a constant B leaves minmax(A); both constant give zeros, never NaN")
  @Points(0.25)
  void constantMaps(FuseMaps student) {
    NDArray a = manager.create(new float[] {1, 3, 2, 5}, new Shape(1, 2, 2));
    NDArray flat = manager.create(new float[] {4, 4, 4, 4}, new Shape(1, 2, 2));
    NDAssert.assertValues(new float[] {0, 0.5f, 0.25f, 1}, new Shape(1, 2, 2), fuse(student, a, flat), REL_TOL,
        call(a, flat) + " with M_A=[[1,3],[2,5]] and a constant M_B=4 (normalised to zeros)", SHAPE_HINT);
    NDAssert.assertValues(new float[4], new Shape(1, 2, 2), fuse(student, flat, flat.mul(-1)), REL_TOL,
        call(flat, flat) + " with two constant maps, 4 and -4", SHAPE_HINT);
  }

  @Test
  @Order(5)
  @DisplayName("random maps match max(minmax(A), minmax(B)) computed by the library")
  @Points(0.5)
  void randomMapsMatchReference(FuseMaps student) {
    int[][] dims = {{1, 1, 3}, {3, 7, 7}, {2, 16, 16}, {4, 5, 9}};
    Random random = new Random(2018);
    for (int[] d : dims) {
      Shape shape = new Shape(d[0], d[1], d[2]);
      NDArray a = Inputs.gaussian(manager, random, shape).mul(3);
      NDArray b = Inputs.gaussian(manager, random, shape).add(2);
      float[] expected = MapOps.minMaxNormalize(a).maximum(MapOps.minMaxNormalize(b)).toFloatArray();
      NDAssert.assertValues(expected, shape, fuse(student, a, b), REL_TOL, call(a, b), SHAPE_HINT);
    }
  }

  @Test
  @Order(6)
  @DisplayName("the arguments are left unchanged (no in-place operations, nothing closed)")
  @Points(0.25)
  void argumentsAreNotModified(FuseMaps student) {
    Random random = new Random(7);
    NDArray a = Inputs.gaussian(manager, random, new Shape(2, 4, 5));
    NDArray b = Inputs.gaussian(manager, random, new Shape(2, 4, 5));
    fuse(student, a, b);
  }

  /** The student's fused maps, after checking that the call left both arguments as they were. */
  static NDArray fuse(FuseMaps student, NDArray a, NDArray b) {
    Arguments before = Arguments.of("mapsA", a).and("mapsB", b);
    NDArray fused = student.fuseMaps(a, b);
    before.assertUnchanged(call(a, b), Arguments.IN_PLACE_HINT);
    return fused;
  }

  static String call(NDArray a, NDArray b) {
    return "fuseMaps(mapsA " + a.getShape() + ", mapsB " + b.getShape() + ")";
  }
}
