package camlab.kernel.eval;

import java.util.List;

/**
 * Shows a source line with a marker under the offending characters, compiler style:
 *
 * <pre>
 *   3 | int c = undefinedThing + 1;
 *     |         ^^^^^^^^^^^^^^
 * </pre>
 */
public final class SourcePointer {
  private SourcePointer() {}

  /**
   * @param lineNumber the 1-based number to print in the gutter
   * @param line the full source line
   * @param fromColumn 0-based column of the first marked character
   * @param toColumn 0-based column after the last marked character (at least one character is marked)
   */
  public static List<String> point(int lineNumber, String line, int fromColumn, int toColumn) {
    String gutter = String.valueOf(lineNumber);
    String blank = " ".repeat(gutter.length());
    int from = Math.max(0, Math.min(fromColumn, line.length()));
    int to = Math.max(from + 1, Math.min(toColumn, line.length()));
    // keep tabs so the marker lines up with the code however tabs are shown
    String pad = line.substring(0, from).replaceAll("[^\t]", " ");
    return List.of(
        "  " + gutter + " | " + line,
        "  " + blank + " | " + pad + Ansi.red("^".repeat(to - from)));
  }
}
