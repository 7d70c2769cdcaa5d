package camlab.exercises.grading;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

import camlab.exercises.fixture.FixtureExercises;

/** How a grading JVM's end becomes a verdict, without starting JVMs. */
class VerdictRulesTest {
  private static final GradeSettings SETTINGS = GradeSettings.fromSystemProperties().withTimeout(Duration.ofSeconds(60));
  private static final TestOutcome PASSED = new TestOutcome("a", Status.PASS, "");

  private static Verdict decide(ChildJvm.Result jvm, ChildEvents.Log log) {
    return VerdictRules.decide(FixtureExercises.SUM, "cell", SETTINGS, jvm, log);
  }

  private static ChildJvm.Result ended(int code) {
    return new ChildJvm.Result(code, false, false, false, "", 0, 300);
  }

  private static ChildEvents.Log log(List<TestOutcome> outcomes, String running, boolean done, String exit, String fatal) {
    return new ChildEvents.Log(outcomes, running, done, exit, fatal);
  }

  @Test
  void allTestsPassedIsPass() {
    Verdict v = decide(ended(0), log(List.of(PASSED, PASSED), null, true, null, null));
    assertEquals(Status.PASS, v.status());
    assertEquals(1, v.points());
  }

  @Test
  void theFirstFailingTestGivesTheMessage() {
    Verdict v = decide(ended(0), log(List.of(PASSED, new TestOutcome("b", Status.FAIL, "b: wrong"),
        new TestOutcome("c", Status.FAIL, "c: also wrong")), null, true, null, null));
    assertEquals(Status.FAIL, v.status());
    assertEquals("b: wrong", v.message());
    assertEquals("also failing:\n- c: also wrong", v.details());
    assertEquals(0, v.points());
  }

  @Test
  void aMultiLineMessageKeepsItsFirstLineAndMovesTheRestToTheDetails() {
    Verdict v = decide(ended(0), log(List.of(new TestOutcome("b", Status.FAIL, "b: wrong\n  expected [1]\n  actual   [2]")), null, true,
        null, null));
    assertEquals("b: wrong", v.message());
    assertEquals("expected [1]\nactual   [2]", v.details());
  }

  @Test
  void theStubMakesItTodoUnlessSomethingFailed() {
    TestOutcome todo = new TestOutcome("a", Status.TODO, "not solved yet");
    assertEquals(Status.TODO, decide(ended(0), log(List.of(todo, PASSED), null, true, null, null)).status());
    assertEquals("not solved yet: replace `throw new NotSolvedYet(\"9.1\");` in the cell with your code",
        decide(ended(0), log(List.of(todo), null, true, null, null)).message());
    assertEquals(Status.FAIL, decide(ended(0), log(List.of(todo, new TestOutcome("b", Status.FAIL, "b: x")), null, true, null, null)).status());
  }

  @Test
  void aTimeoutNamesTheLimitAndTheRunningTest() {
    Verdict v = decide(new ChildJvm.Result(137, true, false, false, "", 0, 300), log(List.of(PASSED), "golden", false, null, null));
    assertEquals("timed out after 60 s in test 'golden' — an endless loop, or a much slower computation than needed?", v.message());
  }

  @Test
  void systemExitIsReportedWithItsStatusAndLine() {
    Verdict v = decide(ended(3), log(List.of(), "golden", false, " at cell line 4", null));
    assertEquals("called System.exit(3) at cell line 4 in test 'golden' — an exercise method must return its result, not end the program",
        v.message());
  }

  @Test
  void tooMuchOutputAndTooMuchMemoryAreReported() {
    ChildJvm.Result flood = new ChildJvm.Result(137, false, true, false, "line 1\nline 2\n", 2_000_000, 300);
    Verdict v = decide(flood, log(List.of(), "golden", false, null, null));
    assertEquals("printed more than 1 MB in test 'golden' — remove the debug printing from the cell", v.message());
    assertEquals("output of the cell (first 2 lines of 1953 KB):\n  line 1\n  line 2", v.details());
    Verdict hog = decide(new ChildJvm.Result(137, false, false, true, "", 0, 2100), log(List.of(), null, false, null, null));
    assertEquals("used more than 2048 MB of memory and was stopped — does the cell keep allocating (NDArrays, arrays, lists)?", hog.message());
  }

  @Test
  void anUnexplainedEndIsStillAFailWithTheExitCode() {
    Verdict v = decide(ended(9), log(List.of(), null, false, null, null));
    assertEquals(Status.FAIL, v.status());
    assertEquals("the grading JVM stopped unexpectedly (exit code 9) — did the cell call Runtime.halt or crash native code?", v.message());
  }

  @Test
  void aFatalReportWins() {
    Verdict v = decide(ended(0), log(List.of(), null, true, null, "ran out of memory in test 'x'"));
    assertEquals("ran out of memory in test 'x'", v.message());
  }
}
