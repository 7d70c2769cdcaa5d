package camlab.exercises.report;

import camlab.exercises.grading.Status;
import camlab.exercises.grading.Verdict;

/** The verdict line, identical in {@code ./mvnw test} and in {@code check("2.1")}. */
public final class VerdictFormat {
  private VerdictFormat() {}

  /** {@code 2.1 Class activation map: FAIL 1.2/3 — <what went wrong>}. */
  public static String line(Verdict v) {
    String head = v.exercise().id() + " " + v.exercise().title() + ": " + v.status() + " " + score(v.points(), v.maxPoints());
    return v.message().isEmpty() ? head : head + " — " + v.message();
  }

  /** {@code 2.4/3}: points to two decimals at most, whole numbers without any. */
  public static String score(double points, double max) {
    return points(points) + "/" + points(max);
  }

  public static String points(double p) {
    double rounded = Math.round(p * 100) / 100.0;
    return rounded == Math.rint(rounded) ? Long.toString(Math.round(rounded)) : Double.toString(rounded);
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
