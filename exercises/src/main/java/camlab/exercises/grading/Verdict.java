package camlab.exercises.grading;

import java.time.Duration;
import java.util.List;

import camlab.exercises.registry.Exercise;

/**
 * The verdict on one exercise.
 *
 * @param message      one line saying what happened (empty for PASS)
 * @param details      more lines for FAIL: the compile error with a caret, the failing tests, the cell's output
 * @param origin       where the graded source came from ({@code notebooks/02-cam.ipynb, cell 7})
 * @param tests        each grader test's outcome (empty when the cell never ran: a compile error, the stub, …)
 * @param points       the points of the tests it passed, of those run here
 * @param maxPoints    the points of the tests run here: the visible ones, or all of them when an instructor grades
 * @param hiddenPoints the points of hidden tests not run here: "graded by your instructor"
 */
public record Verdict(Exercise exercise, Status status, String message, String details, String origin, Duration elapsed,
    List<TestOutcome> tests, double points, double maxPoints, double hiddenPoints) {
  public Verdict {
    message = message == null ? "" : message;
    details = details == null ? "" : details;
    origin = origin == null ? "" : origin;
    elapsed = elapsed == null ? Duration.ZERO : elapsed;
    tests = List.copyOf(tests);
  }

  /** A verdict on the whole exercise, all its points at stake: full points for PASS, none otherwise. */
  public Verdict(Exercise exercise, Status status, String message, String details, String origin, Duration elapsed) {
    this(exercise, status, message, details, origin, elapsed, List.of(), status == Status.PASS ? exercise.points() : 0,
        exercise.points(), 0);
  }

  public Verdict withElapsed(Duration d) {
    return new Verdict(exercise, status, message, details, origin, d, tests, points, maxPoints, hiddenPoints);
  }

  /** The same verdict with the points at stake where only the visible tests run ({@code hiddenRun} false). */
  Verdict atStake(GraderPlan plan, boolean hiddenRun) {
    double max = plan.points(false) + (hiddenRun ? plan.points(true) : 0);
    double earned = status == Status.PASS ? max : 0;
    return new Verdict(exercise, status, message, details, origin, elapsed, tests, earned, max, hiddenRun ? 0 : plan.points(true));
  }
}
