package camlab.kernel.eval;

/** Line and column arithmetic on source text ('\n' line ends; 0-based offsets, lines and columns). */
final class TextPosition {
  private TextPosition() {}

  static int lineOf(String text, int offset) {
    int line = 0;
    int end = Math.min(offset, text.length());
    for (int i = 0; i < end; i++) if (text.charAt(i) == '\n') line++;
    return line;
  }

  static int lineStart(String text, int offset) {
    int i = Math.min(offset, text.length());
    while (i > 0 && text.charAt(i - 1) != '\n') i--;
    return i;
  }

  static int lineEnd(String text, int offset) {
    int i = text.indexOf('\n', Math.min(offset, text.length()));
    return i < 0 ? text.length() : i;
  }

  /** The full line containing {@code offset}. */
  static String lineText(String text, int offset) {
    return text.substring(lineStart(text, offset), lineEnd(text, offset));
  }
}
