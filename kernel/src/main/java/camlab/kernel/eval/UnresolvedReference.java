package camlab.kernel.eval;

import java.util.List;

/** The cell uses a method or class that refers to something not defined yet. */
public final class UnresolvedReference extends CellFailure {
  private static final long serialVersionUID = 1L;

  public UnresolvedReference(String summary, List<String> traceback) {
    super(summary, traceback);
  }
}
