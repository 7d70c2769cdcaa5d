package camlab.exercises.gates;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;

import camlab.exercises.CourseExercises;
import camlab.exercises.GradeRun;
import camlab.exercises.fixture.FixtureExercises;
import camlab.exercises.grading.GradeSettings;
import camlab.exercises.grading.Status;
import camlab.exercises.report.GradeReport;
import camlab.exercises.report.ScoreTable;
import camlab.exercises.report.VerdictFormat;
import camlab.exercises.source.RepoRoot;
import camlab.exercises.source.SubmissionSource;

/** Gate (a): the reference answers in {@code solutions/} score 100 %, hidden tests included. */
class SolutionsScoreFullIT {
  @Test
  void solutionsScoreFullMarks() {
    Path root = RepoRoot.find();
    GradeReport report = GradeRun.run(CourseExercises.registry(), SubmissionSource.fromSetting("solutions", root),
        GradeSettings.fromSystemProperties().withHiddenTests(true), v -> { });
    System.out.print(ScoreTable.text(report));
    report.verdicts().forEach(v -> assertEquals(Status.PASS, v.status(), () -> VerdictFormat.block(v)));
    assertEquals(report.maxPoints(), report.points(), 1e-9);
    assertEquals(CourseExercises.registry().totalPoints(), report.maxPoints(), 1e-9);
    assertEquals(0, report.hiddenPoints(), 1e-9);
  }

  @Test
  void fixtureSolutionsScoreFullMarks(@TempDir Path tmp) throws Exception {
    Path root = RepoRoot.find();
    GradeReport report = GradeRun.run(FixtureExercises.registry(), SubmissionSource.solutions(FixtureExercises.solutionsFor(tmp), root),
        GradeSettings.fromSystemProperties(), v -> { });
    report.verdicts().forEach(v -> assertEquals(Status.PASS, v.status(), () -> VerdictFormat.block(v)));
  }
}
