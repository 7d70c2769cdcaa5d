package camlab.exercises.grading;

/** The outcome of grading one exercise. */
public enum Status {
  /** Every grader test passed: full points. */
  PASS,
  /** Attempted but wrong (a test failed, it does not compile, it timed out, ...): 0 points, and the build fails. */
  FAIL,
  /** Not attempted yet (the stub still throws {@code NotSolvedYet}): 0 points, the build does not fail. */
  TODO
}
