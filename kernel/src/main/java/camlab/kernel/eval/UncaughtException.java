package camlab.kernel.eval;

import java.util.List;

/** The cell's code threw an exception (or error) that nothing caught. */
public final class UncaughtException extends CellFailure {
  private static final long serialVersionUID = 1L;
  private final transient Throwable thrown;

  public UncaughtException(String summary, List<String> traceback, Throwable thrown) {
    super(summary, traceback);
    this.thrown = thrown;
  }

  /** What the user's code really threw (JShell itself only reports its class name), or null if unknown. */
  public Throwable thrown() {
    return thrown;
  }
}
