package camlab.exercises;

import java.util.List;
import java.util.function.Consumer;

import camlab.exercises.grading.GradeSettings;
import camlab.exercises.grading.Grading;
import camlab.exercises.grading.Verdict;
import camlab.exercises.registry.ExerciseRegistry;
import camlab.exercises.report.GradeReport;
import camlab.exercises.source.Submission;
import camlab.exercises.source.SubmissionSource;

/** Grades every exercise of a registry from one source: what {@code ./mvnw test} and the CI gates run. */
public final class GradeRun {
  private GradeRun() {}

  public static GradeReport run(ExerciseRegistry registry, SubmissionSource source, GradeSettings settings,
      Consumer<Verdict> onEach) {
    List<Submission> submissions = source.collect(registry);
    try (Grading grading = new Grading(settings)) {
      return new GradeReport(source.description(), grading.gradeAll(submissions, onEach), grading.sandboxDescription());
    }
  }
}
