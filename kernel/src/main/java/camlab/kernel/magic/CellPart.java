package camlab.kernel.magic;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A run of Java code, one magic line, or one line of IJava's inline form {@code List<String> added = %jars lib/*.jar}
 * (a declaration or assignment whose value is a magic's).
 *
 * @param text the code, or the magic ({@code %jars lib/*.jar})
 * @param firstLine the 1-based cell line where the part starts
 * @param assignedTo for the inline form, the Java before the magic, ending with '=' ({@code List<String> added =});
 *     else null
 */
public record CellPart(boolean magic, String text, int firstLine, String assignedTo) {
  /** Java up to a lone '=' (not ==, <=, += ...), then a magic to the end of the line. */
  private static final Pattern INLINE = Pattern.compile("^(?<java>.*[^=!<>+\\-*/%&|^]=)\\s*(?<magic>%[A-Za-z_]\\w*.*?)\\s*;?\\s*$");

  /** True for IJava's inline form. */
  public boolean inline() {
    return assignedTo != null;
  }

  /** Splits a cell into code parts and magic lines, in order; blank code parts are dropped. */
  public static List<CellPart> split(String cell) {
    String[] lines = cell.replace("\r\n", "\n").split("\n", -1);
    List<CellPart> parts = new ArrayList<>();
    List<String> code = new ArrayList<>();
    int codeStart = 0;
    for (int i = 0; i < lines.length; i++) {
      Matcher inline = inlineMagic(lines[i]);
      if (MagicLine.isMagic(lines[i])) {
        addCode(parts, code, codeStart);
        parts.add(new CellPart(true, lines[i], i + 1, null));
        codeStart = i + 1;
      } else if (inline != null) {
        addCode(parts, code, codeStart);
        parts.add(new CellPart(true, inline.group("magic"), i + 1, inline.group("java")));
        codeStart = i + 1;
      } else {
        code.add(lines[i]);
      }
    }
    addCode(parts, code, codeStart);
    return parts;
  }

  /** The inline form's match, or null: outside string literals and comments only. */
  static Matcher inlineMagic(String line) {
    if (!line.contains("%")) return null;
    Matcher m = INLINE.matcher(line);
    if (!m.matches()) return null;
    String java = m.group("java");
    if (java.contains("//") || java.contains("/*") || java.chars().filter(c -> c == '"').count() % 2 != 0
        || java.chars().filter(c -> c == '\'').count() % 2 != 0) {
      return null;
    }
    return m;
  }

  private static void addCode(List<CellPart> parts, List<String> code, int startIndex) {
    String text = String.join("\n", code);
    if (!text.isBlank()) parts.add(new CellPart(false, text, startIndex + 1, null));
    code.clear();
  }
}
