package camlab.exercises.grading;

import camlab.exercises.sandbox.Thrown;

/** The student's method threw: what the cell JVM reported, raised in the grader that called it. */
public final class StudentFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient Thrown thrown;

  StudentFailure(Thrown thrown) {
    super(describe(thrown), null, false, false);
    this.thrown = thrown;
  }

  public Thrown thrown() {
    return thrown;
  }

  /** One line for the student: what was thrown, and where in the cell. */
  static String describe(Thrown t) {
    String at = t.cellLine() > 0 ? " at cell line " + t.cellLine() : "";
    return switch (t.kind()) {
      case STACK_OVERFLOW -> "stack overflow" + at + " — does a method call itself without end, or once per element of a large input?";
      case OUT_OF_MEMORY -> "ran out of memory" + at + " — does the cell keep allocating?";
      case NOT_SOLVED_YET -> "not solved yet";
      case EXCEPTION -> "threw " + t.type() + (t.message().isEmpty() ? "" : ": " + t.message()) + at;
    };
  }
}
