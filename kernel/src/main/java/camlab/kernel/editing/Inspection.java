package camlab.kernel.editing;

import camlab.kernel.eval.SourceUnits;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import java.util.List;
import java.util.stream.Collectors;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Documentation;

/**
 * Shift-Tab: the signatures (and Javadoc, where JShell finds the JDK's src.zip) of what is at the cursor:
 * the identifier under it, or the method whose arguments it is in.
 */
public final class Inspection {
  private final SourceCodeAnalysis analysis;

  public Inspection(SourceCodeAnalysis analysis) {
    this.analysis = analysis;
  }

  /** The tooltip bundle, or null if nothing is known about the code at the cursor. */
  public DisplayData inspect(String code, int cursorCodePoints, boolean detail) {
    int cursor = CellText.toIndex(code, cursorCodePoints);
    int end = cursor;
    while (end < code.length() && Character.isJavaIdentifierPart(code.charAt(end))) end++;
    if (end < code.length() && end > cursor && code.charAt(end) == '(') end++;
    int codeStart = CellText.codeStart(code, cursor);
    int statement = codeStart + SourceUnits.statementStart(analysis, code.substring(codeStart, cursor));
    String text = code.substring(statement, end);
    List<Documentation> docs = analysis.documentation(text, text.length(), true);
    if (docs.isEmpty()) return null;
    String signatures = docs.stream().map(Documentation::signature).distinct().collect(Collectors.joining("\n"));
    String javadoc = docs.stream().map(Documentation::javadoc).filter(j -> j != null && !j.isBlank())
        .findFirst().map(Inspection::plain).orElse("");
    if (!detail && javadoc.length() > 1500) javadoc = javadoc.substring(0, 1500) + " …";
    return new DisplayData(javadoc.isEmpty() ? signatures : signatures + "\n\n" + javadoc);
  }

  /** Javadoc HTML as readable plain text. */
  static String plain(String javadoc) {
    return javadoc.replaceAll("(?i)<(p|br|li)\\s*/?>", "\n").replaceAll("<[^>]+>", "")
        .replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").replace("&nbsp;", " ")
        .replaceAll("[ \\t]+", " ").replaceAll("\\n\\s*\\n+", "\n\n").strip();
  }
}
