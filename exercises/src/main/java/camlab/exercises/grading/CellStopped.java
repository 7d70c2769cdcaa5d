package camlab.exercises.grading;

/**
 * The cell JVM has ended or was stopped (a limit, System.exit, a crash, a broken protocol): every further call
 * fails with this. An {@link Error}, so that a grader's own {@code catch (RuntimeException e)} cannot hide it.
 */
public final class CellStopped extends Error {
  private static final long serialVersionUID = 1L;

  CellStopped(String message) {
    super(message, null, false, false);
  }
}
