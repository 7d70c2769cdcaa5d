package camlab.kernel.editing;

import camlab.kernel.eval.SourceUnits;
import io.github.spencerpark.jupyter.kernel.ReplacementOptions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Suggestion;

/** Tab completion: JShell's suggestions for the statement at the cursor, magic names on magic lines. */
public final class Completion {
  private final SourceCodeAnalysis analysis;
  private final Supplier<List<String>> magicNames;

  public Completion(SourceCodeAnalysis analysis, Supplier<List<String>> magicNames) {
    this.analysis = analysis;
    this.magicNames = magicNames;
  }

  /** @param cursorCodePoints the cursor as Jupyter sends it (in code points) */
  public ReplacementOptions complete(String code, int cursorCodePoints) {
    int cursor = CellText.toIndex(code, cursorCodePoints);
    int lineStart = CellText.lineStart(code, cursor);
    String line = code.substring(lineStart, cursor);
    if (line.matches("%%?\\w*")) {
      int nameStart = lineStart + (line.startsWith("%%") ? 2 : 1);
      String typed = code.substring(nameStart, cursor);
      List<String> names = magicNames.get().stream().filter(n -> n.startsWith(typed)).toList();
      return options(code, names, nameStart, cursor);
    }
    int codeStart = CellText.codeStart(code, cursor);
    String prefix = code.substring(codeStart, cursor);
    int statement = codeStart + SourceUnits.statementStart(analysis, prefix);
    String text = code.substring(statement, cursor);
    int[] anchor = new int[1];
    List<Suggestion> suggestions = analysis.completionSuggestions(text, text.length(), anchor);
    Set<String> ordered = new LinkedHashSet<>();
    suggestions.stream().filter(Suggestion::matchesType).forEach(s -> ordered.add(s.continuation()));
    suggestions.forEach(s -> ordered.add(s.continuation()));
    return options(code, new ArrayList<>(ordered), statement + anchor[0], cursor);
  }

  private static ReplacementOptions options(String code, List<String> replacements, int start, int end) {
    return new ReplacementOptions(replacements, CellText.toCodePoints(code, start), CellText.toCodePoints(code, end));
  }
}
