package camlab.kernel.eval;

/** Lexical facts about Java source that need comments and literals told apart from code. */
final class JavaText {
  private JavaText() {}

  /** The last character of {@code src} that is code (not whitespace, not in a comment); 0 if none. */
  static char lastCodeChar(String src) {
    char last = 0;
    int i = 0;
    int n = src.length();
    while (i < n) {
      char c = src.charAt(i);
      if (src.startsWith("//", i)) {
        int nl = src.indexOf('\n', i);
        i = nl < 0 ? n : nl;
      } else if (src.startsWith("/*", i)) {
        int end = src.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
      } else if (src.startsWith("\"\"\"", i)) {
        int end = src.indexOf("\"\"\"", i + 3);
        i = end < 0 ? n : end + 3;
        last = '"';
      } else if (c == '"' || c == '\'') {
        i = skipQuoted(src, i, c);
        last = c;
      } else {
        if (!Character.isWhitespace(c)) last = c;
        i++;
      }
    }
    return last;
  }

  private static int skipQuoted(String src, int start, char quote) {
    int i = start + 1;
    while (i < src.length()) {
      char c = src.charAt(i);
      if (c == '\\') {
        i += 2;
      } else if (c == quote || c == '\n') {
        return i + 1;
      } else {
        i++;
      }
    }
    return i;
  }
}
