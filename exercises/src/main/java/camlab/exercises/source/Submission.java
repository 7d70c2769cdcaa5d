package camlab.exercises.source;

import camlab.exercises.registry.Exercise;

/** What the grader found for one exercise in the selected source. */
public sealed interface Submission {
  Exercise exercise();

  /** The exercise's cell: to be compiled and graded. */
  record Found(Exercise exercise, ExerciseCell cell) implements Submission {}

  /** Nothing to grade yet (e.g. the notebook does not exist): scored TODO. */
  record NotStarted(Exercise exercise, String reason) implements Submission {}

  /** The answer cannot be read (invalid notebook, deleted cell): scored FAIL with {@code reason}. */
  record Unreadable(Exercise exercise, String reason) implements Submission {}
}
