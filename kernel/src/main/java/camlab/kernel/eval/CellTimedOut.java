package camlab.kernel.eval;

import java.util.List;

/** The cell ran past its time limit. */
public final class CellTimedOut extends CellFailure {
  private static final long serialVersionUID = 1L;

  public CellTimedOut(String summary, List<String> traceback) {
    super(summary, traceback);
  }
}
