package camlab.kernel.editing;

import camlab.kernel.magic.MagicLine;

/**
 * Cursor arithmetic on a cell. Jupyter counts cursor positions in Unicode code points, Java strings in
 * UTF-16 units; the two differ once a cell contains e.g. an emoji.
 */
final class CellText {
  private CellText() {}

  static int toIndex(String code, int codePoints) {
    int cp = Math.max(0, Math.min(codePoints, code.codePointCount(0, code.length())));
    return code.offsetByCodePoints(0, cp);
  }

  static int toCodePoints(String code, int index) {
    return code.codePointCount(0, Math.max(0, Math.min(index, code.length())));
  }

  static int lineStart(String code, int index) {
    return code.lastIndexOf('\n', index - 1) + 1;
  }

  /** Start of the Java code around {@code index}: the line after the last magic line above it. */
  static int codeStart(String code, int index) {
    int start = 0;
    int lineStart = 0;
    while (lineStart < index) {
      int lineEnd = code.indexOf('\n', lineStart);
      if (lineEnd < 0 || lineEnd >= index) break;
      if (MagicLine.isMagic(code.substring(lineStart, lineEnd))) start = lineEnd + 1;
      lineStart = lineEnd + 1;
    }
    return start;
  }
}
