package camlab.kernel.exec;

/** How one piece of user code ended on the cell thread. */
public sealed interface Outcome {

  /** The code returned {@code value} (possibly null). */
  record Returned(Object value) implements Outcome {}

  /** The code threw {@code error} without anybody asking it to stop. */
  record Threw(Throwable error) implements Outcome {}

  /**
   * The code was asked to stop (interrupt or timeout).
   *
   * @param where the stack of the cell thread when it ended or was given up on (may be empty)
   * @param endedWith the throwable the code ended with, or null when it was left running
   * @param waitingFor the lock it was blocked on when the kernel had to force it, or null
   */
  record Stopped(StopReason reason, StopMode mode, StackTraceElement[] where, Throwable endedWith, LockWait waitingFor)
      implements Outcome {}
}
