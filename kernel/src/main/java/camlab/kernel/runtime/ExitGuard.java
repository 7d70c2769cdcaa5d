package camlab.kernel.runtime;

/**
 * What {@code System.exit}, {@code Runtime.exit} and {@code Runtime.halt} become in cell code.
 *
 * <p>The kernel runs cells inside its own JVM, so a real exit would end the kernel and lose every variable.
 * Java 17+ offers no supported way to veto an exit (the Security Manager is deprecated for removal,
 * JEP 411), so the kernel rewrites these calls in the bytecode of cell classes to call the methods below.
 * Library code and reflection are not rewritten: an exit from there still ends the kernel.
 */
public final class ExitGuard {
  private ExitGuard() {}

  /** Replaces {@code System.exit(status)} in cell code. */
  public static void systemExit(int status) {
    throw new SystemExitBlocked("System.exit(" + status + ")");
  }

  /** Replaces {@code runtime.exit(status)} in cell code. */
  public static void runtimeExit(Runtime runtime, int status) {
    throw new SystemExitBlocked("Runtime.exit(" + status + ")");
  }

  /** Replaces {@code runtime.halt(status)} in cell code. */
  public static void runtimeHalt(Runtime runtime, int status) {
    throw new SystemExitBlocked("Runtime.halt(" + status + ")");
  }
}
