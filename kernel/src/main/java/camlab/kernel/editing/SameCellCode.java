package camlab.kernel.editing;

import camlab.kernel.eval.SourceUnit;
import camlab.kernel.eval.SourceUnits;
import java.util.ArrayList;
import java.util.List;
import jdk.jshell.Snippet;
import jdk.jshell.SourceCodeAnalysis;

/**
 * What the statement at the cursor can see of the cell above it, which has not run yet. JShell's analysis knows the
 * notebook's state and the text it is given, so the text is the statement behind the cell's earlier imports,
 * declarations and statements, arranged as Java allows them together:
 *
 * <pre>
 * imports
 * class $Cell {
 *   methods and classes declared above
 *   void $statement() {
 *     variables and statements above
 *     the statement at the cursor
 * </pre>
 *
 * and, for a statement that is itself a method being written, the same with the variables as fields and the statement
 * as a member. Expressions above are left out (they declare nothing).
 */
final class SameCellCode {
  private static final String WRAPPER = "$CamLabCell";
  private static final String CLASS = "class " + WRAPPER + " {\n";
  private static final String METHOD = "void $statement() {\n";

  private SameCellCode() {}

  /** {@code text} without the wrapper class's name ({@code int $CamLabCell.triple(int v)} is {@code int triple(int v)}). */
  static String withoutWrapper(String text) {
    return text.replace(WRAPPER + ".", "");
  }

  /** Texts that end with {@code statement}, most likely first; empty when nothing above declares anything. */
  static List<String> around(SourceCodeAnalysis analysis, String above, String statement) {
    if (above.isBlank()) return List.of();
    StringBuilder imports = new StringBuilder();
    StringBuilder members = new StringBuilder();
    StringBuilder body = new StringBuilder();
    StringBuilder fields = new StringBuilder();
    for (SourceUnit unit : SourceUnits.split(analysis, above)) {
      if (!unit.isComplete()) continue;
      List<Snippet> snippets = analysis.sourceToSnippets(unit.source());
      if (snippets.isEmpty()) continue;
      String source = unit.source().strip() + "\n";
      switch (snippets.get(0).kind()) {
        case IMPORT -> imports.append(source);
        case METHOD, TYPE_DECL -> members.append(source);
        case VAR -> {
          body.append(source);
          if (!source.startsWith("var ")) fields.append(source);
        }
        case STATEMENT -> body.append(source);
        default -> { } // expressions and errors declare nothing
      }
    }
    if (imports.isEmpty() && members.isEmpty() && body.isEmpty()) return List.of();
    List<String> texts = new ArrayList<>();
    texts.add(imports + CLASS + members + METHOD + body + statement);
    texts.add(imports + CLASS + fields + members + statement);
    return texts;
  }
}
