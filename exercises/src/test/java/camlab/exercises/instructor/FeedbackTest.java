package camlab.exercises.instructor;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import camlab.exercises.CourseExercises;
import camlab.exercises.grading.GraderPlan;
import camlab.exercises.grading.Status;
import camlab.exercises.grading.TestOutcome;
import camlab.exercises.grading.Verdict;
import camlab.exercises.registry.Exercise;
import camlab.exercises.report.GradeReport;

/** What a student is shown: visible tests with their messages, hidden tests by name and result only. */
class FeedbackTest {
  private static final String SECRET = "hidden input M=[2.0, 2.0000153]";

  /** 2.2 graded with its hidden tests: every visible test passes, the hidden one fails with a message naming its input. */
  private static Verdict hiddenFailure() {
    Exercise e = CourseExercises.registry().require("2.2");
    GraderPlan plan = GraderPlan.of(e);
    List<TestOutcome> tests = plan.items().stream().map(i -> new TestOutcome(i.name(), i.key(), i.hidden() ? Status.FAIL : Status.PASS,
        i.hidden() ? i.name() + ": " + SECRET + " should be 1.0" : "")).toList();
    double visible = plan.points(false);
    return new Verdict(e, Status.FAIL, tests.stream().filter(t -> t.status() == Status.FAIL).findFirst().orElseThrow().message(),
        "output of the cell:\n  " + SECRET, "cell", Duration.ZERO, tests, visible, e.points(), 0);
  }

  @Test
  void aHiddenTestShowsItsNameAndResultButNotItsMessageOrTheOutput() {
    Feedback f = Feedback.of("carol", new GradeReport("carol's notebooks", List.of(hiddenFailure())));
    Feedback.ExerciseLine line = f.exercises().get(0);
    assertEquals("a hidden test failed", line.message());
    assertEquals("", line.details());
    Feedback.TestLine hidden = line.tests().stream().filter(Feedback.TestLine::hidden).findFirst().orElseThrow();
    assertEquals(Status.FAIL, hidden.status());
    assertEquals(List.of(), hidden.messages());
    for (String page : List.of(f.html(), f.markdown(), f.json(), GradescopeResults.json(f))) {
      assertFalse(page.contains(SECRET), page);
      assertTrue(page.contains(hidden.name()), page);
    }
  }

  @Test
  void aVisibleFailureIsShownWithItsMessage() {
    Exercise e = CourseExercises.registry().require("2.1");
    GraderPlan plan = GraderPlan.of(e);
    GraderPlan.Item first = plan.items().get(0);
    List<TestOutcome> tests = List.of(new TestOutcome(first.name(), first.key(), Status.FAIL, first.name()
        + ": element [0][1] should be -1.0\n  expected [[0.5, -1.0]]"));
    Verdict v = new Verdict(e, Status.FAIL, first.name() + ": element [0][1] should be -1.0", "expected [[0.5, -1.0]]", "cell",
        Duration.ZERO, tests, 0, 3, 0);
    Feedback f = Feedback.of("dave", new GradeReport("dave's notebooks", List.of(v)));
    assertTrue(f.html().contains("element [0][1] should be -1.0"), f.html());
    assertTrue(f.markdown().contains("expected [[0.5, -1.0]]"), f.markdown());
  }
}
