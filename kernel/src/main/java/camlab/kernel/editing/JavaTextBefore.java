package camlab.kernel.editing;

/** Looks at the code just before a position. */
final class JavaTextBefore {
  private JavaTextBefore() {}

  /** True if the last non-blank character before {@code index} is a '.' (a member access) or '::'. */
  static boolean endsWithDot(String text, int index) {
    int i = index - 1;
    while (i >= 0 && Character.isWhitespace(text.charAt(i))) i--;
    return i >= 0 && (text.charAt(i) == '.' || text.charAt(i) == ':');
  }
}
