package camlab.exercises.cell;

/**
 * Thrown by the stub of an exercise cell that the student has not solved yet.
 *
 * <p>The course's kernel extension turns it into a friendly "solve 2.1 first" note instead of an error, and the grader
 * scores the exercise as TODO rather than FAIL.
 */
public final class NotSolvedYet extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String exerciseId;

  public NotSolvedYet(String exerciseId) {
    super("Exercise " + exerciseId + " is not solved yet: replace the `throw new NotSolvedYet(...)` line in its cell.");
    this.exerciseId = exerciseId;
  }

  public String exerciseId() {
    return exerciseId;
  }

  /** The first {@code NotSolvedYet} in the cause chain of {@code t}, or {@code null}. */
  public static NotSolvedYet findIn(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof NotSolvedYet n) return n;
      if (c.getCause() == c) break;
    }
    return null;
  }
}
