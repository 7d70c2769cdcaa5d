package camlab.exercises.report;

import java.util.List;

import camlab.exercises.grading.Status;
import camlab.exercises.grading.Verdict;

/** All verdicts of one grading run, and where the answers came from. */
public record GradeReport(String source, List<Verdict> verdicts) {
  public GradeReport {
    verdicts = List.copyOf(verdicts);
  }

  public int points() {
    return verdicts.stream().mapToInt(Verdict::points).sum();
  }

  public int maxPoints() {
    return verdicts.stream().mapToInt(Verdict::maxPoints).sum();
  }

  public long count(Status status) {
    return verdicts.stream().filter(v -> v.status() == status).count();
  }
}
