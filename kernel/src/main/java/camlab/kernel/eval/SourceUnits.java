package camlab.kernel.eval;

import java.util.ArrayList;
import java.util.List;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;

/** Splits cell text into the snippets JShell evaluates one by one, keeping their positions in the cell. */
public final class SourceUnits {
  private SourceUnits() {}

  /**
   * The units of {@code text}, in order. Only the last one can be incomplete (the cell ends inside a
   * statement); a unit JShell cannot classify ({@link Completeness#UNKNOWN}) takes the rest of the text,
   * so the compiler reports what is wrong with it.
   */
  public static List<SourceUnit> split(SourceCodeAnalysis analysis, String text) {
    List<SourceUnit> units = new ArrayList<>();
    int offset = 0;
    String rest = text;
    while (!rest.isBlank()) {
      CompletionInfo info = analysis.analyzeCompletion(rest);
      Completeness c = info.completeness();
      if (c == Completeness.EMPTY) break; // only comments left
      if (!c.isComplete() && c != Completeness.UNKNOWN) {
        units.add(new SourceUnit(rest, rest, offset, c));
        break;
      }
      int consumed = c == Completeness.UNKNOWN ? rest.length() : rest.length() - info.remaining().length();
      if (consumed <= 0) consumed = rest.length(); // never loop on a unit JShell did not consume
      String raw = rest.substring(0, consumed);
      String source = c == Completeness.UNKNOWN || info.source() == null ? raw : info.source();
      // JShell numbers the lines of a snippet that starts with blank lines wrongly (every stack frame
      // says line 1), so each unit starts at its first non-blank character.
      int lead = leadingWhitespace(raw);
      units.add(new SourceUnit(source.substring(Math.min(lead, leadingWhitespace(source))), raw.substring(lead), offset + lead, c));
      offset += consumed;
      rest = rest.substring(consumed);
    }
    return units;
  }

  /**
   * Where the statement that the end of {@code prefix} is in starts: after the last finished statement
   * (one ending in ';' or '}'), else at the start of the last unit. Completion and inspection look at that
   * statement only.
   */
  public static int statementStart(SourceCodeAnalysis analysis, String prefix) {
    List<SourceUnit> units = split(analysis, prefix);
    if (units.isEmpty()) return prefix.length();
    SourceUnit last = units.get(units.size() - 1);
    char end = JavaText.lastCodeChar(last.raw());
    boolean finished = last.isComplete() && (end == ';' || end == '}');
    return finished ? last.offset() + last.raw().length() : last.offset();
  }

  private static int leadingWhitespace(String s) {
    int i = 0;
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
    return i;
  }
}
