package camlab.kernel;

import java.util.Optional;

/**
 * Ends the kernel when the process that started it (the Jupyter server, nbconvert, a test) is gone, so a
 * killed frontend leaves no orphan JVM holding gigabytes of tensors. jupyter_client passes its pid in
 * {@code JPY_PARENT_PID} on Unix; otherwise the OS parent is watched.
 */
final class ParentWatcher {
  private ParentWatcher() {}

  static void exitWhenParentDies() {
    parent().ifPresent(p -> p.onExit().thenRun(() -> {
      System.err.println("CamLab kernel: the process that started the kernel (pid " + p.pid() + ") has exited; exiting too.");
      ChildProcesses.endAll(); // halt skips the shutdown hooks
      Runtime.getRuntime().halt(0);
    }));
  }

  private static Optional<ProcessHandle> parent() {
    String pid = System.getenv("JPY_PARENT_PID");
    boolean windows = System.getProperty("os.name", "").startsWith("Windows"); // there it is a handle, not a pid
    if (pid != null && !windows) {
      try {
        return ProcessHandle.of(Long.parseLong(pid.strip()));
      } catch (NumberFormatException ignored) {
        // fall back to the OS parent
      }
    }
    return ProcessHandle.current().parent();
  }
}
