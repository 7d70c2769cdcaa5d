package camlab.kernel.exec;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;

/**
 * The lock a stuck cell thread is waiting for and the thread that holds it: what a user needs to know when a
 * cell hangs in {@code synchronized} or {@code lock()} (neither of which an interrupt ends).
 *
 * @param lock the lock, as {@code ClassName@hash} ({@code ReentrantLock$NonfairSync@...} for a {@code ReentrantLock})
 * @param owner the name of the thread holding it, or null when the JVM does not know (e.g. a monitor wait)
 * @param ownerState that thread's state ({@code RUNNABLE}, {@code TIMED_WAITING}...), or null
 * @param ownerIsCellThread whether the owner runs cell code (an earlier cell left running)
 */
public record LockWait(String lock, String owner, Thread.State ownerState, boolean ownerIsCellThread) {

  /** What {@code thread} is blocked on, or null if it is not blocked on a lock. */
  static LockWait of(Thread thread) {
    try {
      ThreadInfo info = ManagementFactory.getThreadMXBean().getThreadInfo(thread.getId());
      if (info == null || info.getLockName() == null) return null;
      Thread.State state = info.getThreadState();
      boolean onLock = state == Thread.State.BLOCKED || info.getLockOwnerId() >= 0;
      if (!onLock) return null; // sleeping, waiting for a condition or a queue, not for a held lock
      String owner = info.getLockOwnerName();
      Thread.State ownerState = null;
      if (info.getLockOwnerId() >= 0) {
        ThreadInfo ownerInfo = ManagementFactory.getThreadMXBean().getThreadInfo(info.getLockOwnerId());
        if (ownerInfo != null) ownerState = ownerInfo.getThreadState();
      }
      return new LockWait(info.getLockName(), owner, ownerState, owner != null && owner.startsWith(UserCodeRunner.THREAD_PREFIX));
    } catch (RuntimeException | LinkageError e) {
      return null; // only a better message is lost
    }
  }
}
