package camlab.kernel.eval;

import java.util.List;

/**
 * A cell failed in a way the user should read about. The kernel replies with an error whose
 * {@code ename} is the subclass name, whose {@code evalue} is {@link #getMessage()} and whose
 * traceback is {@link #traceback()}.
 */
public abstract class CellFailure extends Exception {
  private static final long serialVersionUID = 1L;
  private final transient List<String> traceback;

  protected CellFailure(String summary, List<String> traceback) {
    super(summary, null, false, false); // the kernel's own stack is of no interest to the user
    this.traceback = List.copyOf(traceback);
  }

  /** The lines shown under the cell (may contain ANSI colours). */
  public List<String> traceback() {
    return traceback;
  }
}
