package camlab.exercises.grading;

import java.time.Duration;

import camlab.exercises.Exercise;

/**
 * The verdict on one exercise.
 *
 * @param message one line saying what happened (empty for PASS)
 * @param details more lines for FAIL: the compile error with a caret, the failing tests, the cell's output
 * @param origin  where the graded source came from ({@code notebooks/02-cam.ipynb, cell 7})
 */
public record Verdict(Exercise exercise, Status status, String message, String details, String origin, Duration elapsed) {
  public Verdict {
    message = message == null ? "" : message;
    details = details == null ? "" : details;
    origin = origin == null ? "" : origin;
    elapsed = elapsed == null ? Duration.ZERO : elapsed;
  }

  public int points() {
    return status == Status.PASS ? exercise.points() : 0;
  }

  public int maxPoints() {
    return exercise.points();
  }

  public Verdict withElapsed(Duration d) {
    return new Verdict(exercise, status, message, details, origin, d);
  }
}
