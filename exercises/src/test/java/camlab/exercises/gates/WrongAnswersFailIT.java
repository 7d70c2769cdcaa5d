package camlab.exercises.gates;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import camlab.exercises.CellFiles;
import camlab.exercises.CourseExercises;
import camlab.exercises.fixture.FixtureExercises;
import camlab.exercises.grading.GradeSettings;
import camlab.exercises.grading.GraderPlan;
import camlab.exercises.grading.TestOutcome;
import camlab.exercises.grading.Grading;
import camlab.exercises.grading.Status;
import camlab.exercises.grading.Verdict;
import camlab.exercises.report.VerdictFormat;
import camlab.exercises.source.Submission;

/**
 * Gate (c): plausible wrong answers ({@code wrong-answers/<id>/*.jsh}) each FAIL their grader — by a
 * grader test, not by a compile error, so the gate proves the graders can tell right from wrong; and every exercise
 * with hidden tests has a wrong answer that only they catch, so they add something the visible tests miss.
 */
class WrongAnswersFailIT {
  @TestFactory
  Stream<DynamicTest> everyWrongAnswerFails() {
    Path dir = FixtureExercises.resources().resolve("wrong-answers");
    List<Path> files = CourseExercises.registry().ids().stream()
        .flatMap(id -> CellFiles.list(dir.resolve(id)).stream()).toList();
    assertFalse(files.isEmpty(), "no wrong answers in " + dir);
    List<Submission> submissions = files.stream().map(f -> CellFiles.submission(CourseExercises.registry(), f)).toList();
    List<Verdict> verdicts;
    try (Grading grading = new Grading(GradeSettings.fromSystemProperties().withHiddenTests(true))) {
      verdicts = grading.gradeAll(submissions, v -> System.out.println(v.origin() + ": " + VerdictFormat.line(v)));
    }
    Stream<DynamicTest> each = IntStream.range(0, files.size()).mapToObj(i -> dynamicTest(files.get(i).getFileName().toString(), () -> {
      Verdict v = verdicts.get(i);
      assertEquals(Status.FAIL, v.status(), () -> VerdictFormat.block(v));
      assertFalse(v.message().startsWith("does not compile"), () -> "a wrong answer must compile: " + VerdictFormat.block(v));
      assertTrue(v.message().length() > 20, () -> "the message must say what is wrong: " + VerdictFormat.line(v));
    }));
    Stream<DynamicTest> hidden = CourseExercises.registry().all().stream().map(e -> dynamicTest(e.id() + ": its hidden tests catch a"
        + " wrong answer the visible ones miss", () -> {
          GraderPlan plan = GraderPlan.of(e);
          assertTrue(plan.items().stream().anyMatch(GraderPlan.Item::hidden), e.id() + " has no hidden test");
          List<String> caughtOnlyByHidden = IntStream.range(0, files.size()).filter(i -> verdicts.get(i).exercise().equals(e))
              .filter(i -> onlyHiddenFail(plan, verdicts.get(i))).mapToObj(i -> files.get(i).getFileName().toString()).toList();
          assertFalse(caughtOnlyByHidden.isEmpty(), e.id() + ": every wrong answer in the corpus fails a visible test too");
          System.out.println(e.id() + ": only hidden tests catch " + caughtOnlyByHidden);
        }));
    return Stream.concat(each, hidden);
  }

  /** Every visible test passed, and a hidden one failed. */
  private static boolean onlyHiddenFail(GraderPlan plan, Verdict v) {
    boolean hiddenFailed = false;
    for (TestOutcome t : v.tests()) {
      boolean isHidden = plan.item(t.item()).map(GraderPlan.Item::hidden).orElse(false);
      if (t.status() == Status.FAIL && !isHidden) return false;
      if (t.status() == Status.FAIL) hiddenFailed = true;
    }
    return hiddenFailed;
  }
}
