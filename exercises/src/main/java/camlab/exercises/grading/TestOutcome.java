package camlab.exercises.grading;

/** One grader test's result: PASS, FAIL (with a message), or TODO (it hit the {@code NotSolvedYet} stub). */
public record TestOutcome(String test, Status status, String message) {}
