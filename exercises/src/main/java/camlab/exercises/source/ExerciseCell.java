package camlab.exercises.source;

/**
 * The source of one exercise cell as found in a notebook, a solutions file or a kernel session.
 *
 * @param source the cell text, line endings normalized to {@code \n}, marker line included
 * @param origin where it came from, for messages: {@code notebooks/02-cam.ipynb, cell 7}
 */
public record ExerciseCell(MarkerLine marker, String source, String origin) {
  public String id() {
    return marker.id();
  }

  /** {@code \r\n} and lone {@code \r} → {@code \n}: notebooks edited on Windows must grade the same. */
  public static String normalizeLineEndings(String text) {
    return text.replace("\r\n", "\n").replace('\r', '\n');
  }
}
