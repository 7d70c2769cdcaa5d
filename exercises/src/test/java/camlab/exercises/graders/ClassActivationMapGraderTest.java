package camlab.exercises.graders;

import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import camlab.exercises.cell.NotSolvedYet;
import camlab.exercises.graders.cam.ClassActivationMap;
import camlab.exercises.graders.cam.ClassActivationMapGrader;
import camlab.exercises.graders.cam.ClassActivationMapHiddenGrader;
import camlab.exercises.grading.GraderRunner;
import camlab.exercises.grading.Status;
import camlab.exercises.grading.TestOutcome;

/** The 2.1 grader in this JVM: the right answer passes every test, typical mistakes fail with a useful message. */
class ClassActivationMapGraderTest {
  private static List<TestOutcome> grade(ClassActivationMap answer) {
    return GraderRunner.runInProcess(ClassActivationMapGrader.class, answer);
  }

  private static TestOutcome firstFailure(ClassActivationMap answer) {
    return grade(answer).stream().filter(o -> o.status() == Status.FAIL).findFirst().orElseThrow(() -> new AssertionError("no test failed"));
  }

  private static NDArray weighted(NDArray f, NDArray w) {
    return f.mul(w.reshape(w.getShape().get(0), 1, 1));
  }

  @Test
  void theReferenceAnswerPassesEveryTest() {
    List<TestOutcome> outcomes = grade((f, w) -> weighted(f, w).sum(new int[] {0}));
    assertEquals(6, outcomes.size());   // four golden cases, random inputs, arguments unchanged
    outcomes.forEach(o -> assertEquals(Status.PASS, o.status(), o::toString));
    GraderChecks.passes(ClassActivationMapHiddenGrader.class, (ClassActivationMap) (f, w) -> weighted(f, w).sum(new int[] {0}));
  }

  @Test
  void aSqueezeThatDropsEveryUnitAxisPassesTheVisibleTestsAndFailsOnThinGrids() {
    String thin = GraderChecks.caughtOnlyByHidden(ClassActivationMapGrader.class, ClassActivationMapHiddenGrader.class,
        (ClassActivationMap) (f, w) -> f.transpose(1, 2, 0).matMul(w.reshape(w.getShape().get(0), 1)).squeeze());
    assertTrue(thin.startsWith("grids one pixel high or wide") && thin.contains("classActivationMap(features (2, 1, 9), classWeights (2))"
        + " returned shape (9) but the result must have shape (1, 9)"), thin);
  }

  @Test
  void theStubIsTodo() {
    grade((f, w) -> { throw new NotSolvedYet("2.1"); }).forEach(o -> assertEquals(Status.TODO, o.status(), o::toString));
  }

  @Test
  void aReluIsCaughtByTheGoldenValues() {
    TestOutcome o = firstFailure((f, w) -> weighted(f, w).sum(new int[] {0}).maximum(0f));
    assertTrue(o.message().startsWith("hand-computed map: K=2 channels on a 2x2 grid, negative values kept: "
        + "classActivationMap(features (2, 2, 2), classWeights (2)) with A_0=[[1,2],[3,4]], A_1=[[0,1],[-1,2]], w=[0.5,-2]: "
        + "element [0][1] should be -1.0 but is 0.0"), o.message());
    assertTrue(o.message().contains("expected [[0.5, -1.0], [3.5, -2.0]]"), o.message());
  }

  @Test
  void aWrongShapeExplainsWhichAxisToSum() {
    TestOutcome o = firstFailure((f, w) -> weighted(f, w).sum(new int[] {0}, true));
    assertTrue(o.message().contains("returned shape (1, 2, 2) but the result must have shape (2, 2) — weight each channel"), o.message());
  }

  @Test
  void inPlaceWeightingIsCaught() {
    List<TestOutcome> outcomes = grade((f, w) -> f.muli(w.reshape(w.getShape().get(0), 1, 1)).sum(new int[] {0}));
    TestOutcome unchanged = outcomes.stream().filter(o -> o.test().startsWith("arguments are left unchanged")).findFirst().orElseThrow();
    assertEquals(Status.FAIL, unchanged.status());
    assertTrue(unchanged.message().contains("modified its argument `features`"), unchanged.message());
  }

  @Test
  void aHostLoopInFloat32Passes() {
    GraderChecks.passes(ClassActivationMapGrader.class, ClassActivationMapHiddenGrader.class, (ClassActivationMap) (f, w) -> {
      long[] s = f.getShape().getShape();
      float[] a = f.toFloatArray();
      float[] weights = w.toFloatArray();
      int hw = (int) (s[1] * s[2]);
      float[] m = new float[hw];
      for (int p = 0; p < hw; p++) for (int k = 0; k < s[0]; k++) m[p] += weights[k] * a[k * hw + p];
      return f.getManager().create(m, new Shape(s[1], s[2]));
    });
  }

  @Test
  void aMapOfAnotherDtypeFailsEvenWhenItsValuesConvert() {
    TestOutcome o = firstFailure((f, w) -> weighted(f, w).sum(new int[] {0}).toType(DataType.FLOAT64, false));
    assertTrue(o.test().startsWith("hand-computed map: K=2") && o.message().contains("returned float64; the result must be float32"),
        o.message());
  }

  @Test
  void weightingInPlaceForOneChannelOnlyIsCaughtOnThatCall() {
    TestOutcome o = firstFailure((f, w) -> w.getShape().get(0) == 1 ? f.muli(w.getFloat(0)).squeeze(0) : weighted(f, w).sum(new int[] {0}));
    assertTrue(o.test().startsWith("hand-computed map: K=1 channel") && o.message().contains("modified its argument `features`"),
        o.message());
  }

  @Test
  void aMeanInsteadOfASumFailsTheTwoChannelGolden() {
    assertTrue(firstFailure((f, w) -> weighted(f, w).mean(new int[] {0})).message().startsWith("hand-computed map: K=2"));
  }
}
