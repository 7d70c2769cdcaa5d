package camlab.exercises.source;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import camlab.exercises.registry.Exercise;

/**
 * The first line of an exercise cell: {@code // EXERCISE 2.1 — Class activation map (3 points)}.
 *
 * <p>The id is what the grader keys on; title and points are checked against the registry by the
 * consistency gate, so a typo in a marker is caught in CI rather than in a student's score table.
 * An en dash, a hyphen or a colon are accepted in place of the em dash.
 */
public record MarkerLine(String id, String title, Integer points) {
  private static final Pattern FULL = Pattern.compile(
      "^\\s*//\\s*EXERCISE\\s+(\\d+\\.\\d+)\\b\\s*(?:[—–:-]\\s*(.*?))?\\s*(?:\\((\\d+)\\s+points?\\))?\\s*$");

  /** Parses {@code line}; empty if it is not a marker line. */
  public static Optional<MarkerLine> parse(String line) {
    if (line == null) return Optional.empty();
    Matcher m = FULL.matcher(line);
    if (!m.matches()) return Optional.empty();
    String title = m.group(2) == null ? "" : m.group(2).strip();
    Integer points = m.group(3) == null ? null : Integer.valueOf(m.group(3));
    return Optional.of(new MarkerLine(m.group(1), title, points));
  }

  /** The marker of a cell whose first non-blank line is a marker line. */
  public static Optional<MarkerLine> ofCell(String cellSource) {
    if (cellSource == null) return Optional.empty();
    return cellSource.lines().filter(l -> !l.isBlank()).findFirst().flatMap(MarkerLine::parse);
  }

  /** The marker line that opens {@code exercise}'s cell. */
  public static String of(Exercise exercise) {
    return format(exercise.id(), exercise.title(), exercise.points());
  }

  /** The canonical marker line for an exercise. */
  public static String format(String id, String title, int points) {
    return "// EXERCISE " + id + " — " + title + " (" + points + (points == 1 ? " point)" : " points)");
  }
}
