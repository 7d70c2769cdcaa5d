package camlab.kernel.magic;

import java.util.ArrayList;
import java.util.List;

/**
 * A run of Java code or one magic line of a cell.
 *
 * @param firstLine the 1-based cell line where the part starts
 */
public record CellPart(boolean magic, String text, int firstLine) {

  /** Splits a cell into code parts and magic lines, in order; blank code parts are dropped. */
  public static List<CellPart> split(String cell) {
    String[] lines = cell.replace("\r\n", "\n").split("\n", -1);
    List<CellPart> parts = new ArrayList<>();
    List<String> code = new ArrayList<>();
    int codeStart = 0;
    for (int i = 0; i < lines.length; i++) {
      if (MagicLine.isMagic(lines[i])) {
        addCode(parts, code, codeStart);
        parts.add(new CellPart(true, lines[i], i + 1));
        codeStart = i + 1;
      } else {
        code.add(lines[i]);
      }
    }
    addCode(parts, code, codeStart);
    return parts;
  }

  private static void addCode(List<CellPart> parts, List<String> code, int startIndex) {
    String text = String.join("\n", code);
    if (!text.isBlank()) parts.add(new CellPart(false, text, startIndex + 1));
    code.clear();
  }
}
