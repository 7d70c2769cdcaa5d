package camlab.exercises.gates;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

import camlab.exercises.CourseExercises;
import camlab.exercises.GradeRun;
import camlab.exercises.fixture.FixtureExercises;
import camlab.exercises.grading.GradeSettings;
import camlab.exercises.grading.Status;
import camlab.exercises.grading.Verdict;
import camlab.exercises.report.GradeReport;
import camlab.exercises.report.ScoreTable;
import camlab.exercises.report.VerdictFormat;
import camlab.exercises.source.RepoRoot;
import camlab.exercises.source.SubmissionSource;

/**
 * Gate (b): the notebooks as committed score all TODO — every exercise cell compiles, has the contract's
 * signature and still throws {@code NotSolvedYet}. Read from git HEAD, so a student's edits don't matter.
 */
class CommittedNotebooksTodoIT {
  private static final String STUB_HIT = "not solved yet";

  @Test
  void committedNotebooksAreAllTodo() {
    Path root = RepoRoot.find();
    GradeReport report = GradeRun.run(CourseExercises.registry(), SubmissionSource.fromSetting("committed", root),
        GradeSettings.fromSystemProperties().withChecks(GradeSettings.Checks.COMPILE_STUBS), v -> { });
    System.out.print(ScoreTable.text(report));
    for (Verdict v : report.verdicts()) {
      assertEquals(Status.TODO, v.status(), () -> VerdictFormat.block(v));
      if (v.message().endsWith("does not exist")) {
        System.out.println("note: " + v.exercise().notebook() + " is not committed yet; " + v.exercise().id() + " checked only in the fixture");
      } else {
        assertStubWasHit(v);
      }
    }
  }

  /** The same check on notebooks shaped like the course's, so the gate is exercised before the notebooks exist. */
  @Test
  void stubNotebooksAreAllTodo() {
    Path root = RepoRoot.find();
    Path fixtures = FixtureExercises.stubNotebooks();
    assertEquals(true, Files.isDirectory(fixtures));
    GradeReport report = GradeRun.run(FixtureExercises.registry(), SubmissionSource.notebooks(fixtures, root, false),
        GradeSettings.fromSystemProperties().withChecks(GradeSettings.Checks.COMPILE_STUBS), v -> { });
    report.verdicts().forEach(CommittedNotebooksTodoIT::assertStubWasHit);
  }

  private static void assertStubWasHit(Verdict v) {
    assertEquals(Status.TODO, v.status(), () -> VerdictFormat.block(v));
    assertEquals(true, v.message().startsWith(STUB_HIT), () -> "TODO for another reason than the stub: " + VerdictFormat.line(v));
  }
}
