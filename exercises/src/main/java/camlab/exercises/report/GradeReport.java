package camlab.exercises.report;

import java.util.List;

import camlab.exercises.grading.Status;
import camlab.exercises.grading.Verdict;

/**
 * All verdicts of one grading run, where the answers came from, and what protected the machine from the cells
 * ({@code protection}, e.g. the sandbox; empty when not recorded).
 */
public record GradeReport(String source, List<Verdict> verdicts, String protection) {
  public GradeReport {
    verdicts = List.copyOf(verdicts);
    protection = protection == null ? "" : protection;
  }

  public GradeReport(String source, List<Verdict> verdicts) {
    this(source, verdicts, "");
  }

  public double points() {
    return verdicts.stream().mapToDouble(Verdict::points).sum();
  }

  public double maxPoints() {
    return verdicts.stream().mapToDouble(Verdict::maxPoints).sum();
  }

  /** The points of hidden tests this run did not grade: an instructor grades them. */
  public double hiddenPoints() {
    return verdicts.stream().mapToDouble(Verdict::hiddenPoints).sum();
  }

  public long count(Status status) {
    return verdicts.stream().filter(v -> v.status() == status).count();
  }
}
