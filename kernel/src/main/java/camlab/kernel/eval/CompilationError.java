package camlab.kernel.eval;

import java.util.List;

/** The cell's code does not compile. */
public final class CompilationError extends CellFailure {
  private static final long serialVersionUID = 1L;

  public CompilationError(String summary, List<String> traceback) {
    super(summary, traceback);
  }
}
