package camlab.kernel;

/**
 * Makes sure a shutdown or restart request ends the process. The normal path (the connection closes and
 * {@link KernelMain} exits) waits for the shell thread, which a cell that ignores interrupts can hold for
 * ever; after a short grace period this exits the JVM anyway.
 */
final class ShutdownWatchdog {
  private static final long GRACE_MILLIS = 3000;

  private ShutdownWatchdog() {}

  static synchronized void arm() {
    Thread t = new Thread(() -> {
      try {
        Thread.sleep(GRACE_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
      System.err.println("CamLab kernel: a cell did not stop after the shutdown request; exiting anyway.");
      ChildProcesses.endAll(); // halt skips the shutdown hooks
      Runtime.getRuntime().halt(0);
    }, "camlab-shutdown-watchdog");
    t.setDaemon(true);
    t.start();
  }
}
