package camlab.exercises;

import java.nio.file.Path;
import java.util.Optional;

import camlab.exercises.grading.GradeSettings;
import camlab.exercises.grading.Grading;
import camlab.exercises.grading.Verdict;
import camlab.exercises.registry.Exercise;
import camlab.exercises.report.VerdictFormat;
import camlab.exercises.source.ExerciseCell;
import camlab.exercises.source.MarkerLine;
import camlab.exercises.source.RepoRoot;
import camlab.exercises.source.Submission;
import camlab.exercises.source.SubmissionSource;

/**
 * {@code check("2.1")} in a notebook: grades one exercise now, with the same graders, isolation and verdict
 * line as {@code ./mvnw test}.
 *
 * <p>It grades the exercise cell last run in this kernel ({@link ExerciseCells#latest}); if it was not run
 * in this kernel, the saved notebook. Works from plain JShell too (then only the saved notebook is seen).
 */
public final class Check {
  static final String LAST_RUN = "the cell last run in this kernel";

  private Check() {}

  /** Grades exercise {@code id} and prints its verdict line (and, for FAIL, what went wrong). */
  public static void check(String id) {
    Verdict v = verdict(id);
    System.out.println(VerdictFormat.block(v));
    if (!v.origin().equals(LAST_RUN) && v.status() != camlab.exercises.grading.Status.PASS) {
      System.out.println("    (graded the saved notebook: run the exercise cell first to check your latest code)");
    }
  }

  /** Grades exercise {@code id} without printing: for kernels that render verdicts themselves. */
  public static Verdict verdict(String id) {
    Exercise exercise = CourseExercises.registry().require(id);
    Submission submission = lastRun(exercise).orElseGet(() -> savedNotebook(exercise));
    return grading().grade(submission);
  }

  private static Grading grading;

  /** One grading for the life of this JVM: its compiler JVM stays warm from one check() to the next. */
  private static synchronized Grading grading() {
    if (grading == null) {
      Grading g = new Grading(GradeSettings.fromSystemProperties());
      Runtime.getRuntime().addShutdownHook(new Thread(g::close, "check-grading-close"));
      grading = g;
    }
    return grading;
  }

  private static Optional<Submission> lastRun(Exercise exercise) {
    return ExerciseCells.latest(exercise.id()).map(source -> new Submission.Found(exercise,
        new ExerciseCell(MarkerLine.ofCell(source).orElseThrow(), ExerciseCell.normalizeLineEndings(source), LAST_RUN)));
  }

  private static Submission savedNotebook(Exercise exercise) {
    Path root = RepoRoot.find();
    return SubmissionSource.notebooks(root.resolve("notebooks"), root, true).collect(exercise);
  }
}
