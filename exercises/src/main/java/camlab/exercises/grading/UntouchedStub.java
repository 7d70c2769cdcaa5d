package camlab.exercises.grading;

import camlab.exercises.registry.Exercise;

/**
 * Recognises a cell that is still exactly its stub — the marker, comments, the required signature and
 * {@code throw new NotSolvedYet("<id>");} — whatever its spacing and comments. Such a cell can only throw
 * {@code NotSolvedYet}, so it is TODO without starting a JVM; any other text is compiled and graded.
 */
final class UntouchedStub {
  private UntouchedStub() {}

  static boolean is(Exercise exercise, String cellSource) {
    String stub = exercise.contract().signature() + "{ throw new NotSolvedYet(\"" + exercise.id() + "\"); }";
    return essence(cellSource).equals(essence(stub));
  }

  /** The text without comments and whitespace; string literals are kept as they are. */
  static String essence(String source) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    int n = source.length();
    while (i < n) {
      char c = source.charAt(i);
      if (c == '"' || c == '\'') {
        int end = i + 1;
        while (end < n && source.charAt(end) != c && source.charAt(end) != '\n') end += source.charAt(end) == '\\' ? 2 : 1;
        end = Math.min(end + 1, n);
        out.append(source, i, end);
        i = end;
      } else if (source.startsWith("//", i)) {
        while (i < n && source.charAt(i) != '\n') i++;
      } else if (source.startsWith("/*", i)) {
        int end = source.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
      } else {
        if (!Character.isWhitespace(c)) out.append(c);
        i++;
      }
    }
    return out.toString();
  }
}
