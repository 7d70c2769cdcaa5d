package camlab.kernel.editing;

import camlab.kernel.eval.SourceUnits;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Suggestion;

/**
 * Tab completion: JShell's suggestions for the statement at the cursor, seeing what the same cell declares above it
 * ({@link SameCellCode}), ranked by relevance; magic names on magic lines.
 *
 * <p>Ranking: suggestions of the type the position expects come first, then names the notebook declared, then the
 * rest, each group in JShell's (alphabetical) order. With nothing typed yet, only the first two groups are offered
 * when there are any (after {@code check(} the String variables, not every class in scope); after a '.' every member
 * is offered.
 */
public final class Completion {
  /** The reply: replacements in order, the range they replace (in code points, as Jupyter counts) and each one's kind. */
  public record Options(List<String> matches, int start, int end, List<String> types) {}

  private final SourceCodeAnalysis analysis;
  private final Supplier<List<String>> magicNames;
  private final Supplier<Set<String>> notebookNames;

  /** @param notebookNames the names of the variables, methods and classes the notebook's cells declared */
  public Completion(SourceCodeAnalysis analysis, Supplier<List<String>> magicNames, Supplier<Set<String>> notebookNames) {
    this.analysis = analysis;
    this.magicNames = magicNames;
    this.notebookNames = notebookNames;
  }

  /** @param cursorCodePoints the cursor as Jupyter sends it (in code points) */
  public Options complete(String code, int cursorCodePoints) {
    int cursor = CellText.toIndex(code, cursorCodePoints);
    int lineStart = CellText.lineStart(code, cursor);
    String line = code.substring(lineStart, cursor);
    if (line.matches("%%?\\w*")) {
      int nameStart = lineStart + (line.startsWith("%%") ? 2 : 1);
      String typed = code.substring(nameStart, cursor);
      List<String> names = magicNames.get().stream().filter(n -> n.startsWith(typed)).toList();
      return options(code, names, nameStart, cursor, names.stream().map(n -> "magic").toList());
    }
    int codeStart = CellText.codeStart(code, cursor);
    String prefix = code.substring(codeStart, cursor);
    int statementStart = SourceUnits.statementStart(analysis, prefix);
    String statement = prefix.substring(statementStart);
    List<String> texts = new ArrayList<>(SameCellCode.around(analysis, prefix.substring(0, statementStart), statement));
    texts.add(statement);
    for (String text : texts) {
      int[] anchor = new int[1];
      List<Suggestion> suggestions = analysis.completionSuggestions(text, text.length(), anchor);
      int inStatement = anchor[0] - (text.length() - statement.length());
      if (suggestions.isEmpty() || inStatement < 0) continue;
      String typed = statement.substring(inStatement);
      boolean afterDot = JavaTextBefore.endsWithDot(statement, inStatement);
      List<String> ranked = rank(suggestions, typed, afterDot, notebookNames.get());
      int start = codeStart + statementStart + inStatement;
      return options(code, ranked, start, cursor, ranked.stream().map(Completion::kind).toList());
    }
    return options(code, List.of(), cursor, cursor, List.of());
  }

  static List<String> rank(List<Suggestion> suggestions, String typed, boolean afterDot, Set<String> notebook) {
    Set<String> fitting = new LinkedHashSet<>();
    Set<String> declared = new LinkedHashSet<>();
    Set<String> others = new LinkedHashSet<>();
    for (Suggestion s : suggestions) {
      String c = s.continuation();
      if (s.matchesType()) {
        fitting.add(c);
      } else if (notebook.contains(identifier(c))) {
        declared.add(c);
      } else {
        others.add(c);
      }
    }
    declared.removeAll(fitting);
    others.removeAll(fitting);
    others.removeAll(declared);
    if (typed.isEmpty() && !afterDot) return List.copyOf(!fitting.isEmpty() ? fitting : declared);
    List<String> out = new ArrayList<>(fitting);
    out.addAll(declared);
    out.addAll(others);
    return out;
  }

  private static String identifier(String continuation) {
    int end = 0;
    while (end < continuation.length() && Character.isJavaIdentifierPart(continuation.charAt(end))) end++;
    return continuation.substring(0, end);
  }

  /** The kind JupyterLab shows next to a match. */
  static String kind(String continuation) {
    if (continuation.endsWith("(") || continuation.endsWith("()")) return "function";
    if (!continuation.isEmpty() && Character.isUpperCase(continuation.charAt(0))) return "class";
    return "variable";
  }

  private static Options options(String code, List<String> matches, int start, int end, List<String> types) {
    return new Options(matches, CellText.toCodePoints(code, start), CellText.toCodePoints(code, end), types);
  }
}
