package camlab.kernel.runtime;

/** Thrown instead of ending the JVM when a cell calls {@code System.exit}; see {@link ExitGuard}. */
public final class SystemExitBlocked extends RuntimeException {
  private static final long serialVersionUID = 1L;

  SystemExitBlocked(String call) {
    super(call + " was blocked: it would end the kernel and lose all variables. To end a cell early use"
        + " return or throw; to start over use Kernel > Restart.");
  }
}
