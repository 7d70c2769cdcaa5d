package camlab.kernel.editing;

import camlab.kernel.eval.SourceUnits;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Documentation;

/**
 * Shift-Tab: the signatures and Javadoc of what is at the cursor: the method whose arguments it is in, the name under
 * it or just before it ({@code Math.max|}, {@code display|}, a class name), or failing that the type of the
 * expression before it. Names the same cell declares above the cursor are found too ({@link SameCellCode}).
 */
public final class Inspection {
  private static final int SHORT_JAVADOC = 1500;

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
    String prefix = code.substring(codeStart, end);
    int statementStart = SourceUnits.statementStart(analysis, code.substring(codeStart, cursor));
    String statement = prefix.substring(statementStart);
    if (statement.isBlank()) return null;
    List<String> texts = new ArrayList<>();
    texts.add(statement);
    texts.addAll(SameCellCode.around(analysis, prefix.substring(0, statementStart), statement));
    for (String text : texts) {
      List<Documentation> docs = documentation(text);
      if (!docs.isEmpty()) return bundle(docs, detail);
    }
    String type = analysis.analyzeType(statement, statement.length());
    if (type == null || type.isBlank()) return null;
    String expression = statement.strip();
    List<Documentation> typeDocs = analysis.documentation(type, type.length(), true);
    String head = expression + " : " + type;
    return typeDocs.isEmpty() ? new DisplayData(head) : bundle(typeDocs, detail, head);
  }

  /** JShell's documentation at the end of {@code text}; for a bare method name, that of the call it starts. */
  private List<Documentation> documentation(String text) {
    List<Documentation> docs = analysis.documentation(text, text.length(), true);
    if (docs.isEmpty() && !text.isEmpty() && Character.isJavaIdentifierPart(text.charAt(text.length() - 1))) {
      String call = text + "(";
      docs = analysis.documentation(call, call.length(), true);
    }
    return docs;
  }

  private static DisplayData bundle(List<Documentation> docs, boolean detail) {
    return bundle(docs, detail, null);
  }

  private static DisplayData bundle(List<Documentation> docs, boolean detail, String head) {
    String signatures = docs.stream().map(d -> SameCellCode.withoutWrapper(d.signature())).distinct()
        .collect(Collectors.joining("\n"));
    String javadoc = docs.stream().map(Documentation::javadoc).filter(j -> j != null && !j.isBlank())
        .findFirst().map(JavadocText::plain).orElse("");
    if (!detail && javadoc.length() > SHORT_JAVADOC) javadoc = javadoc.substring(0, SHORT_JAVADOC) + " …";
    String text = (head == null ? "" : head + "\n\n") + signatures + (javadoc.isEmpty() ? "" : "\n\n" + javadoc);
    return new DisplayData(text);
  }
}
