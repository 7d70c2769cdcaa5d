package camlab.course;

import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestFactory;

import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import camlab.exercises.CourseExercises;
import camlab.exercises.GradeRun;
import camlab.exercises.grading.GradeSettings;
import camlab.exercises.grading.Status;
import camlab.exercises.grading.Verdict;
import camlab.exercises.instructor.Feedback;
import camlab.exercises.registry.ExerciseRegistry;
import camlab.exercises.report.GradeReport;
import camlab.exercises.report.ScoreFiles;
import camlab.exercises.report.ScoreTable;
import camlab.exercises.report.VerdictFormat;
import camlab.exercises.source.RepoRoot;
import camlab.exercises.source.SubmissionSource;
import camlab.util.AtomicFile;

/**
 * The student's grade: {@code ./mvnw test} grades every exercise cell of the saved notebooks (or
 * {@code -Dcamlab.grade=solutions|committed|<dir>}), one dynamic test per exercise: PASS passes, FAIL
 * fails the build, TODO is skipped. The score table is printed last — this module is the last of the build, and this
 * class the last of its tests (junit-platform.properties) — and written to {@code exercises/target/score.json} and
 * {@code score.md}; each test's result to {@code feedback.html}.
 */
@Order(Integer.MAX_VALUE)
@DisplayName("CamLab exercises")
class CourseGradeTest {
  private static GradeReport report;

  @TestFactory
  @DisplayName("grade")
  Stream<DynamicTest> exercises() {
    Path root = RepoRoot.find();
    SubmissionSource source = SubmissionSource.fromSetting(System.getProperty("camlab.grade"), root);
    ExerciseRegistry registry = CourseExercises.registry();
    int n = registry.all().size();
    System.out.println("\nGrading " + n + (n == 1 ? " exercise" : " exercises") + " from " + source.description() + " ...");
    report = GradeRun.run(registry, source, GradeSettings.fromSystemProperties(), v -> System.out.println(VerdictFormat.block(v)));
    return report.verdicts().stream()
        .map(v -> dynamicTest(v.exercise().id() + " " + v.exercise().title(), () -> assertGraded(v)));
  }

  @AfterAll
  static void printScoreTable() throws IOException {
    if (report == null) return;
    ScoreFiles.write(report, reportDir());
    Feedback feedback = Feedback.of("your notebooks", report);
    AtomicFile.writeString(reportDir().resolve("feedback.html"), feedback.html());
    System.out.println();
    System.out.print(ScoreTable.text(report));
    System.out.println("(also in " + reportDir().resolve("score.md") + "; each test in " + reportDir().resolve("feedback.html") + ")");
  }

  private static void assertGraded(Verdict v) {
    if (v.status() == Status.TODO) Assumptions.abort(VerdictFormat.line(v));
    if (v.status() == Status.FAIL) throw new ExerciseFailed(VerdictFormat.line(v)); // the details were printed while grading
  }

  private static Path reportDir() {
    String dir = System.getProperty("camlab.grade.reportDir");
    return dir != null && !dir.isBlank() ? Path.of(dir) : RepoRoot.find().resolve("exercises/target");
  }

  /** A failed exercise: the verdict is the whole story, a stack trace would only hide it. */
  private static final class ExerciseFailed extends AssertionError {
    private static final long serialVersionUID = 1L;

    ExerciseFailed(String message) {
      super(message);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
      return this;
    }
  }
}
