package camlab.kernel.exec;

import java.lang.reflect.InvocationTargetException;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs user code on a cell thread so the kernel's own threads stay free to answer, and stops it on
 * interrupt or timeout.
 *
 * <p>Policy: a stop request interrupts the cell thread. Code that sleeps, waits or checks
 * {@link Thread#interrupted()} ends at once. Code that ignores the interrupt for {@code grace} is
 * force-stopped with {@link ThreadStopper} (Java 17-19); where the JDK can't do that, the thread is left
 * running in the background and the cell is reported as stopped so the kernel keeps answering. A thread
 * left behind never blocks later cells: they get a new cell thread. Code stuck waiting for a lock is
 * reported with the lock and the thread that holds it ({@link LockWait}).
 *
 * <p>The caller (the shell thread) blocks in {@link #run}; {@link #interrupt()} may come from any thread.
 */
public final class UserCodeRunner implements AutoCloseable {
  private static final long POLL_MILLIS = 20;
  /** Names of cell threads: {@code camlab-cell-1}, ... */
  static final String THREAD_PREFIX = "camlab-cell-";
  /**
   * Stack of a cell thread: as deep as a program's main thread on Linux (8 MB) and then some, so recursive
   * code that works in a plain Java program or test does not overflow in the kernel (threads get 1 MB).
   */
  private static final long STACK_BYTES = 16L << 20;

  /**
   * One cell thread, kept for the whole kernel session as jshell keeps its one: a lock a cell took and did not
   * release, or a thread-local it set, is still the same thread's in later cells (a pool that retires idle threads
   * would leave a {@code ReentrantLock} taken in one cell impossible to unlock, or to take again, later).
   * Replaced only when a cell is left running because it cannot be stopped.
   */
  private volatile ExecutorService pool;
  private final ThreadFactory threads;
  private final Duration grace;
  private final ThreadStopper stopper;

  private final Object lock = new Object();
  private StopReason stopRequest;
  private long stopRequestedAt;
  private long deadline = Long.MAX_VALUE;
  private Duration timeout;
  private final ClassLoader userLoader;
  private volatile Runnable cellSetup;

  /**
   * @param userLoader context class loader of cell threads (JShell's snippet loader), so ServiceLoader
   *     lookups in user code see what the cell sees
   * @param grace how long interrupted code may take to end before it is force-stopped
   */
  public UserCodeRunner(ClassLoader userLoader, Duration grace, ThreadStopper stopper) {
    this.grace = grace;
    this.stopper = stopper;
    this.userLoader = userLoader;
    this.threads = cellThreads(userLoader);
    this.pool = newCellThread();
  }

  private ExecutorService newCellThread() {
    return new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), threads);
  }

  /** Leaves a cell that cannot be stopped to its thread; later cells get a new one. */
  private Outcome abandon(ExecutorService running, Outcome.Stopped stopped) {
    if (pool == running) pool = newCellThread();
    running.shutdown(); // its thread ends if the abandoned code ever returns
    return stopped;
  }

  private static ThreadFactory cellThreads(ClassLoader userLoader) {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread t = new Thread(null, task, THREAD_PREFIX + count.incrementAndGet(), STACK_BYTES);
      t.setDaemon(true); // a runaway cell must never keep the kernel process alive
      t.setContextClassLoader(userLoader);
      return t;
    };
  }

  /** The context class loader of cell threads (JShell's snippet loader). */
  public ClassLoader userLoader() {
    return userLoader;
  }

  /**
   * Starts a new cell: clears any old stop request and arms the time limit ({@code null} = none).
   *
   * @param onCellThread runs on the cell thread before each piece of the cell's code (null: nothing)
   */
  public void beginCell(Duration timeout, Runnable onCellThread) {
    cellSetup = onCellThread;
    synchronized (lock) {
      stopRequest = null;
      this.timeout = timeout;
      deadline = timeout == null ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
    }
  }

  /** Ends the cell: a late interrupt no longer applies to anything. */
  public void endCell() {
    cellSetup = null;
    synchronized (lock) {
      stopRequest = null;
      deadline = Long.MAX_VALUE;
      timeout = null;
    }
  }

  /** The time limit of the current cell, or null. */
  public Duration timeout() {
    synchronized (lock) {
      return timeout;
    }
  }

  /** Asks the running cell to stop; harmless when nothing runs. */
  public void interrupt() {
    requestStop(StopReason.INTERRUPTED);
  }

  /** The pending stop request of the current cell (including an expired time limit), or null. */
  public StopReason pendingStop() {
    synchronized (lock) {
      if (stopRequest == null && System.nanoTime() - deadline > 0) requestStopLocked(StopReason.TIMED_OUT);
      return stopRequest;
    }
  }

  private void requestStop(StopReason reason) {
    synchronized (lock) {
      requestStopLocked(reason);
    }
  }

  private void requestStopLocked(StopReason reason) {
    if (stopRequest == null) {
      stopRequest = reason;
      stopRequestedAt = System.nanoTime();
    }
  }

  private long stopAge() {
    synchronized (lock) {
      return System.nanoTime() - stopRequestedAt;
    }
  }

  /**
   * Runs {@code code} on a cell thread and waits until it returns, throws, or is stopped.
   *
   * @throws InterruptedException only if the calling (shell) thread itself is interrupted
   */
  public Outcome run(Callable<?> code) throws InterruptedException {
    StopReason early = pendingStop();
    if (early != null) return new Outcome.Stopped(early, StopMode.RESPONDED, new StackTraceElement[0], null, null);

    AtomicReference<Thread> worker = new AtomicReference<>();
    ExecutorService cellThread = pool;
    Runnable setup = cellSetup;
    Future<?> future = cellThread.submit(() -> {
      worker.set(Thread.currentThread());
      if (setup != null) setup.run();
      return code.call();
    });
    boolean interrupted = false;
    boolean forced = false;
    LockWait waitingFor = null;
    StackTraceElement[] forcedWhere = null; // ThreadDeath's own trace is the stopping thread's, not the cell's
    long forcedAt = 0;
    while (true) {
      StopReason stop = pendingStop();
      try {
        Object value = future.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
        return new Outcome.Returned(value);
      } catch (ExecutionException e) {
        Throwable error = unwrap(e);
        StopReason asked = pendingStop(); // re-read: the request may have come while we waited
        if (asked == null) return new Outcome.Threw(error);
        if (!forced) return new Outcome.Stopped(asked, StopMode.RESPONDED, error.getStackTrace(), error, null);
        return new Outcome.Stopped(asked, StopMode.FORCED, forcedWhere, error, waitingFor);
      } catch (TimeoutException stillRunning) {
        Thread thread = worker.get();
        if (stop == null || thread == null) continue;
        if (!interrupted) {
          thread.interrupt();
          interrupted = true;
        } else if (!forced && stopAge() > grace.toNanos()) {
          StackTraceElement[] where = thread.getStackTrace();
          waitingFor = LockWait.of(thread);
          try {
            stopper.stop(thread);
          } catch (UnsupportedOperationException cannotStop) {
            return abandon(cellThread, new Outcome.Stopped(stop, StopMode.STILL_RUNNING, where, null, waitingFor));
          }
          forced = true;
          forcedWhere = where;
          forcedAt = System.nanoTime();
        } else if (forced && System.nanoTime() - forcedAt > grace.toNanos()) {
          // Thread.stop was delivered but the thread is still alive (e.g. stuck in native code)
          return abandon(cellThread, new Outcome.Stopped(stop, StopMode.STILL_RUNNING, thread.getStackTrace(), null, waitingFor));
        }
      }
    }
  }

  private static Throwable unwrap(ExecutionException e) {
    Throwable t = e.getCause();
    if (t instanceof InvocationTargetException ite && ite.getCause() != null) t = ite.getCause();
    return t;
  }

  /** Interrupts whatever still runs and lets the cell threads die. */
  @Override
  public void close() {
    pool.shutdownNow();
  }
}
