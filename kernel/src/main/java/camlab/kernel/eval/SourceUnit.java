package camlab.kernel.eval;

import jdk.jshell.SourceCodeAnalysis.Completeness;

/**
 * One JShell snippet's worth of a cell.
 *
 * @param source what JShell evaluates (may end with a ';' that JShell added)
 * @param raw the text exactly as written in the cell, including leading blank lines and comments
 * @param offset where {@code raw} starts in the cell text
 */
public record SourceUnit(String source, String raw, int offset, Completeness completeness) {

  public boolean isComplete() {
    return completeness.isComplete();
  }

  /** True if the last code character (ignoring comments and whitespace) is ';'. */
  public boolean endsWithSemicolon() {
    return JavaText.lastCodeChar(raw) == ';';
  }

  /** Maps an offset in {@link #source()} to an offset in the cell text. */
  public int cellOffset(int sourceOffset) {
    int shift = raw.startsWith(source) || source.startsWith(raw) ? 0 : Math.max(0, raw.indexOf(source.strip()));
    int inRaw = Math.max(0, Math.min(shift + sourceOffset, raw.length() - 1));
    return offset + inRaw;
  }
}
