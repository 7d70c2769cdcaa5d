package camlab.exercises.grading;

import java.nio.file.Path;

/** The result of compiling one exercise cell. */
public sealed interface CompileOutcome {
  /** Compiled into {@code classesDir}, and it defines the contract's method. */
  record Compiled(WrappedCell cell, Path classesDir) implements CompileOutcome {}

  /** Does not compile, or defines the wrong signature: {@code message} is one line, {@code details} may show code. */
  record Rejected(String message, String details) implements CompileOutcome {}
}
