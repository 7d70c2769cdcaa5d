package camlab.exercises.graders;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import camlab.exercises.grading.GraderRunner;
import camlab.exercises.grading.Status;
import camlab.exercises.grading.TestOutcome;

/** Runs a grader in this JVM and asserts on its outcomes. */
final class GraderChecks {
  private GraderChecks() {}

  static List<TestOutcome> grade(Class<?> grader, Object answer) {
    return GraderRunner.runInProcess(grader, answer);
  }

  /** Every test passes (and there is at least one). */
  static void passes(Class<?> grader, Object answer) {
    List<TestOutcome> outcomes = grade(grader, answer);
    assertFalse(outcomes.isEmpty(), "no tests ran");
    outcomes.forEach(o -> assertEquals(Status.PASS, o.status(), o::toString));
  }

  /** Every test of the visible grader and of the hidden one passes. */
  static void passes(Class<?> grader, Class<?> hiddenGrader, Object answer) {
    passes(grader, answer);
    passes(hiddenGrader, answer);
  }

  /** Every visible test passes and a hidden one fails: the message of the first hidden test that fails. */
  static String caughtOnlyByHidden(Class<?> grader, Class<?> hiddenGrader, Object answer) {
    passes(grader, answer);
    return firstFailure(hiddenGrader, answer);
  }

  /** Every test is TODO (the stub). */
  static void todo(Class<?> grader, Object answer) {
    List<TestOutcome> outcomes = grade(grader, answer);
    assertFalse(outcomes.isEmpty(), "no tests ran");
    outcomes.forEach(o -> assertEquals(Status.TODO, o.status(), o::toString));
  }

  /** The message of the first failing test. */
  static String firstFailure(Class<?> grader, Object answer) {
    return grade(grader, answer).stream().filter(o -> o.status() == Status.FAIL).findFirst()
        .orElseThrow(() -> new AssertionError("no test failed")).message();
  }
}
