package camlab.exercises.sandbox;

import java.util.Map;

/** The result of compiling one exercise cell. */
public sealed interface CompileOutcome {
  /** Compiled, and it defines the required method: {@code classes} maps binary class names to class files. */
  record Compiled(WrappedCell cell, Map<String, byte[]> classes) implements CompileOutcome {
    public Compiled {
      classes = Map.copyOf(classes);
    }
  }

  /** Does not compile, or defines the wrong signature: {@code message} is one line, {@code details} may show code. */
  record Rejected(String message, String details) implements CompileOutcome {}
}
