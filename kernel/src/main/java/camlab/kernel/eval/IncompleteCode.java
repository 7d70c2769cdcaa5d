package camlab.kernel.eval;

import java.util.List;

/** The cell ends in the middle of a statement or declaration. */
public final class IncompleteCode extends CellFailure {
  private static final long serialVersionUID = 1L;

  public IncompleteCode(String summary, List<String> traceback) {
    super(summary, traceback);
  }
}
