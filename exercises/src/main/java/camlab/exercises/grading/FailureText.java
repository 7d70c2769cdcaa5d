package camlab.exercises.grading;

import camlab.exercises.NotSolvedYet;

/** Turns what a grader test threw into one line a student can act on, pointing at the cell line when it can. */
public final class FailureText {
  private static final int MAX_MESSAGE = 600;

  private final String cellClass;
  private final int headerLines;

  /** For a cell compiled as {@code cellClass} with {@code headerLines} wrapper lines before it; null when grading plain Java. */
  public FailureText(String cellClass, int headerLines) {
    this.cellClass = cellClass;
    this.headerLines = headerLines;
  }

  public TestOutcome outcome(String test, Throwable failure) {
    if (failure == null) return new TestOutcome(test, Status.PASS, "");
    if (NotSolvedYet.findIn(failure) != null) return new TestOutcome(test, Status.TODO, "not solved yet");
    return new TestOutcome(test, Status.FAIL, test + ": " + describe(failure));
  }

  String describe(Throwable t) {
    if (t instanceof StackOverflowError) {
      return "stack overflow" + at(t) + " — does a method call itself without end?";
    }
    if (t instanceof OutOfMemoryError) {
      return "ran out of memory" + at(t) + " — does the cell keep allocating?";
    }
    if (t instanceof AssertionError) {
      return clip(String.valueOf(t.getMessage())) + (cellLineOf(t) > 0 ? at(t) : "");
    }
    String message = t.getMessage() == null ? "" : ": " + clip(firstLine(t.getMessage()));
    return "threw " + t.getClass().getSimpleName() + message + at(t);
  }

  /** " at cell line N" for the innermost frame in the cell, or "". */
  private String at(Throwable t) {
    int line = cellLineOf(t);
    return line > 0 ? " at cell line " + line : "";
  }

  public int cellLineOf(Throwable t) {
    if (cellClass == null) return 0;
    for (StackTraceElement frame : t.getStackTrace()) {
      String c = frame.getClassName();
      if ((c.equals(cellClass) || c.startsWith(cellClass + "$")) && frame.getLineNumber() > headerLines) {
        return frame.getLineNumber() - headerLines;
      }
    }
    return 0;
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
