package camlab.exercises;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import camlab.exercises.source.MarkerLine;

/**
 * The latest source of every exercise cell the student has run in this kernel session.
 *
 * <p>The course's kernel extension hands every cell that ran (or failed) to {@link #remember(String)};
 * {@code check("2.1")} then grades exactly the code that was last run for 2.1, without the notebook having to be saved.
 */
public final class ExerciseCells {
  /** The marker line that opens an exercise cell, e.g. {@code // EXERCISE 2.1 — Class activation map (3 points)}. */
  public static final Pattern MARKER =
      Pattern.compile("^\\s*//\\s*EXERCISE\\s+(\\d+\\.\\d+)\\b.*$", Pattern.MULTILINE);

  private static final Map<String, String> LATEST = new ConcurrentHashMap<>();

  private ExerciseCells() {}

  /** Records {@code cellSource} if its first non-blank line is an exercise marker; returns the id or null. */
  public static String remember(String cellSource) {
    String id = exerciseIdOf(cellSource);
    if (id != null) LATEST.put(id, cellSource);
    return id;
  }

  /** The exercise id of a cell whose first non-blank line is a marker, or {@code null}. */
  public static String exerciseIdOf(String cellSource) {
    return MarkerLine.ofCell(cellSource).map(MarkerLine::id).orElse(null);
  }

  /** The source last run for {@code exerciseId} in this kernel. */
  public static Optional<String> latest(String exerciseId) {
    return Optional.ofNullable(LATEST.get(exerciseId));
  }

  /** Forgets every remembered cell (a kernel restart does this implicitly; tests need it explicitly). */
  public static void forgetAll() {
    LATEST.clear();
  }
}
