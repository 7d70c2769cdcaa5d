package camlab.kernel;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Ends the processes that cells started (the grading JVM of a running {@code check("3.1")}, a
 * {@code ProcessBuilder} of the student's) when the kernel exits, so none outlives it: on a shutdown request,
 * SIGTERM, or the death of the process that started the kernel. (SIGKILL cannot be caught, but Jupyter sends
 * it to the kernel's whole process group, which holds these processes too.)
 */
final class ChildProcesses {
  private static final long GRACE_MILLIS = 1000;

  private ChildProcesses() {}

  /** Runs {@link #endAll()} whenever the JVM exits normally (System.exit, SIGTERM, SIGINT). */
  static void endAllOnExit() {
    Runtime.getRuntime().addShutdownHook(new Thread(ChildProcesses::endAll, "camlab-end-child-processes"));
  }

  /** Asks every descendant process to terminate, and kills those still there after a second. */
  static void endAll() {
    List<ProcessHandle> children = ProcessHandle.current().descendants().toList();
    if (children.isEmpty()) return;
    children.forEach(ProcessHandle::destroy);
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(GRACE_MILLIS);
    for (ProcessHandle child : children) {
      long left = deadline - System.nanoTime();
      try {
        if (left > 0) child.onExit().get(left, TimeUnit.NANOSECONDS);
      } catch (Exception stillRunning) {
        // killed below
      }
      if (child.isAlive()) child.destroyForcibly();
    }
  }
}
