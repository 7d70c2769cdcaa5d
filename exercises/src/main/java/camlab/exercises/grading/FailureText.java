package camlab.exercises.grading;

import camlab.exercises.cell.NotSolvedYet;

/** Turns what a grader test threw into one line a student can act on. */
public final class FailureText {
  private static final int MAX_MESSAGE = 600;

  private FailureText() {}

  public static TestOutcome outcome(String test, String item, Throwable failure) {
    if (failure == null) return new TestOutcome(test, item, Status.PASS, "");
    if (NotSolvedYet.findIn(failure) != null) return new TestOutcome(test, item, Status.TODO, "not solved yet");
    return new TestOutcome(test, item, Status.FAIL, test + ": " + describe(failure));
  }

  static String describe(Throwable t) {
    if (t instanceof StudentFailure || t instanceof CellStopped) return t.getMessage();
    if (t instanceof AssertionError) return clip(String.valueOf(t.getMessage()));
    String message = t.getMessage() == null ? "" : ": " + clip(firstLine(t.getMessage()));
    return "threw " + t.getClass().getSimpleName() + message;
  }

  private static String firstLine(String s) {
    String line = s.strip();
    int nl = line.indexOf('\n');
    return nl < 0 ? line : line.substring(0, nl).strip() + " …";
  }

  private static String clip(String s) {
    return s.length() <= MAX_MESSAGE ? s : s.substring(0, MAX_MESSAGE) + " …";
  }
}
