package camlab.exercises.grading;

/**
 * One grader test's result: PASS, FAIL (with a message), or TODO (it hit the {@code NotSolvedYet} stub).
 *
 * @param item the {@code GraderClass#method} the test belongs to, which its points are filed under
 */
public record TestOutcome(String test, String item, Status status, String message) {}
