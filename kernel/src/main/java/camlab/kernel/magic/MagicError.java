package camlab.kernel.magic;

import camlab.kernel.eval.Ansi;
import camlab.kernel.eval.CellFailure;
import java.util.ArrayList;
import java.util.List;

/** A magic could not do what it was asked; the message says why and what to do instead. */
public final class MagicError extends CellFailure {
  private static final long serialVersionUID = 1L;

  public MagicError(String message) {
    super(message, List.of(Ansi.red(message)));
  }

  private MagicError(String summary, List<String> traceback) {
    super(summary, traceback);
  }

  /** This error with the magic's line added, e.g. "line 2 of this cell: %load helper". */
  MagicError at(String where, String magicLine) {
    List<String> lines = new ArrayList<>(traceback());
    lines.add("    at " + where + ":   " + magicLine.strip());
    return new MagicError(getMessage() + " (" + where + ")", lines);
  }
}
