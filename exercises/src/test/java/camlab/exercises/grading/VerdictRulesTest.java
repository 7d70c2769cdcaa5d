package camlab.exercises.grading;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

import camlab.exercises.fixture.FixtureExercises;

/** How a grader's outcomes and the cell JVM's end become a verdict, without starting JVMs. */
class VerdictRulesTest {
  private static final TestOutcome PASSED = new TestOutcome("a", "G#a", Status.PASS, "");

  private static Verdict decide(List<TestOutcome> outcomes) {
    return decide(outcomes, null, "", 0);
  }

  private static Verdict decide(List<TestOutcome> outcomes, String stopped, String output, long outputBytes) {
    return VerdictRules.decide(FixtureExercises.SUM, "cell", new VerdictRules.CellRun(outcomes, stopped, output, outputBytes));
  }

  @Test
  void allTestsPassedIsPass() {
    Verdict v = decide(List.of(PASSED, PASSED));
    assertEquals(Status.PASS, v.status());
    assertEquals(1, v.points());
  }

  @Test
  void theFirstFailingTestGivesTheMessage() {
    Verdict v = decide(List.of(PASSED, new TestOutcome("b", "G#b", Status.FAIL, "b: wrong"), new TestOutcome("c", "G#c", Status.FAIL, "c: also wrong")));
    assertEquals(Status.FAIL, v.status());
    assertEquals("b: wrong", v.message());
    assertEquals("also failing:\n- c: also wrong", v.details());
    assertEquals(0, v.points());
  }

  @Test
  void aMultiLineMessageKeepsItsFirstLineAndMovesTheRestToTheDetails() {
    Verdict v = decide(List.of(new TestOutcome("b", "G#b", Status.FAIL, "b: wrong\n  expected [1]\n  actual   [2]")));
    assertEquals("b: wrong", v.message());
    assertEquals("expected [1]\nactual   [2]", v.details());
  }

  @Test
  void theStubMakesItTodoUnlessSomethingFailed() {
    TestOutcome todo = new TestOutcome("a", "G#a", Status.TODO, "not solved yet");
    assertEquals(Status.TODO, decide(List.of(todo, PASSED)).status());
    assertEquals("not solved yet: replace `throw new NotSolvedYet(\"9.1\");` in the cell with your code", decide(List.of(todo)).message());
    assertEquals(Status.FAIL, decide(List.of(todo, new TestOutcome("b", "G#b", Status.FAIL, "b: x"))).status());
  }

  @Test
  void aStoppedCellFailsWithItsReasonEvenAfterPassingTests() {
    Verdict v = decide(List.of(PASSED, PASSED), "timed out after 60 s in test 'golden' — an endless loop?", "", 0);
    assertEquals(Status.FAIL, v.status());
    assertEquals("timed out after 60 s in test 'golden' — an endless loop?", v.message());
  }

  @Test
  void theOutputIsExcerptedAndItsSizeSaidWhenCut() {
    Verdict v = decide(List.of(), "printed more than 1 MB in test 'golden' — remove the debug printing from the cell", "line 1\nline 2\n",
        2_000_000);
    assertEquals("printed more than 1 MB in test 'golden' — remove the debug printing from the cell", v.message());
    assertEquals("output of the cell (first 2 lines of 1953 KB):\n  line 1\n  line 2", v.details());
  }

  @Test
  void aGraderThatRanNoTestsIsAFailNotAPass() {
    Verdict v = decide(List.of());
    assertEquals(Status.FAIL, v.status());
    assertEquals("the grader ran no tests (a bug in the grader)", v.message());
  }

  @Test
  void eachPassedTestMethodEarnsItsShareOfThePoints() {
    GraderPlan plan = GraderPlan.of(camlab.exercises.CourseExercises.registry().require("2.1"));
    List<GraderPlan.Item> items = plan.items().stream().filter(i -> !i.hidden()).toList();
    List<TestOutcome> outcomes = new java.util.ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      outcomes.add(new TestOutcome(items.get(i).name(), items.get(i).key(), i == 0 ? Status.FAIL : Status.PASS, i == 0 ? "x: wrong" : ""));
    }
    Verdict v = VerdictRules.decide(plan.exercise(), "cell", new VerdictRules.CellRun(outcomes, null, "", 0), plan, false);
    assertEquals(Status.FAIL, v.status());
    double share = plan.points(false) - items.get(0).points();
    assertEquals(share, v.points(), 1e-9);
    assertEquals(plan.points(false), v.maxPoints(), 1e-9);
    assertEquals(plan.points(true), v.hiddenPoints(), 1e-9);
    assertEquals(3, plan.points(false) + plan.points(true), 1e-9);
  }

  @Test
  void theTestsOfAFactoryShareItsPoints() {
    GraderPlan plan = GraderPlan.of(FixtureExercises.SUM);
    String item = plan.items().get(0).key();
    List<TestOutcome> outcomes = List.of(new TestOutcome("a #1", item, Status.PASS, ""), new TestOutcome("a #2", item, Status.FAIL, "a: no"),
        new TestOutcome("b", plan.items().get(1).key(), Status.PASS, ""));
    Verdict v = VerdictRules.decide(FixtureExercises.SUM, "cell", new VerdictRules.CellRun(outcomes, null, "", 0), plan, true);
    assertEquals(0.5 * 0.5 + 0.5, v.points(), 1e-9, "half of a's two tests passed, and b");
    assertEquals(1, v.maxPoints(), 1e-9);
    assertEquals(0.5, VerdictRules.passedShare(outcomes, item), 1e-9);
    assertEquals(0, VerdictRules.passedShare(outcomes, "no such test"), 1e-9, "a test none of whose tests ran earns nothing");
  }

  @Test
  void theStubEarnsNothingEvenWhereATestPassed() {
    GraderPlan plan = GraderPlan.of(FixtureExercises.SUM);
    List<TestOutcome> outcomes = List.of(new TestOutcome("a", plan.items().get(0).key(), Status.TODO, "not solved yet"),
        new TestOutcome("b", plan.items().get(1).key(), Status.PASS, ""));
    Verdict v = VerdictRules.decide(FixtureExercises.SUM, "cell", new VerdictRules.CellRun(outcomes, null, "", 0), plan, true);
    assertEquals(Status.TODO, v.status());
    assertEquals(0, v.points(), 1e-9);
  }

  @Test
  void pyTorchsOwnWarningsAreNotTheCellsOutput() {
    String warning = "[W1207 03:08:44.914155621 LegacyTypeDispatch.h:74] Warning: AutoNonVariableTypeMode is deprecated (function operator())\n";
    assertEquals("", VerdictRules.outputExcerpt(warning, warning.length()));
    assertEquals("output of the cell:\n  debugging 1", VerdictRules.outputExcerpt(warning + "debugging 1\n", warning.length() + 12));
  }
}
