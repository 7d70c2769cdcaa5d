package camlab.kernel.eval;

import java.util.List;

/** The cell was interrupted. */
public final class CellInterrupted extends CellFailure {
  private static final long serialVersionUID = 1L;

  public CellInterrupted(String summary, List<String> traceback) {
    super(summary, traceback);
  }
}
