package camlab.exercises.report;

import camlab.exercises.grading.Status;
import camlab.exercises.grading.Verdict;

/** The verdict line, identical in {@code ./mvnw test} and in {@code check("2.1")}. */
public final class VerdictFormat {
  private VerdictFormat() {}

  /** {@code 2.1 Class activation map: FAIL 0/3 — <what went wrong>}. */
  public static String line(Verdict v) {
    String head = v.exercise().id() + " " + v.exercise().title() + ": " + v.status() + " " + v.points() + "/" + v.maxPoints();
    return v.message().isEmpty() ? head : head + " — " + v.message();
  }

  /** The line, then (for FAIL) where the answer was read and the details, indented. */
  public static String block(Verdict v) {
    StringBuilder sb = new StringBuilder(line(v));
    if (v.status() == Status.FAIL) {
      if (!v.origin().isEmpty()) sb.append("\n    graded: ").append(v.origin());
      if (!v.details().isEmpty()) sb.append("\n    ").append(v.details().replace("\n", "\n    "));
    }
    return sb.toString();
  }
}
