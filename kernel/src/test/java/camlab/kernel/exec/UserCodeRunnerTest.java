package camlab.kernel.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class UserCodeRunnerTest {
  private static final ClassLoader LOADER = new ClassLoader(UserCodeRunnerTest.class.getClassLoader()) {};
  private static volatile boolean release;
  private static volatile boolean started;
  private UserCodeRunner runner;

  @AfterEach
  void close() {
    release = true; // lets an abandoned busy loop end
    if (runner != null) runner.close();
  }

  private UserCodeRunner runner(ThreadStopper stopper) {
    release = false;
    started = false;
    runner = new UserCodeRunner(LOADER, Duration.ofMillis(300), stopper);
    runner.beginCell(null, null);
    return runner;
  }

  @Test
  void returnsTheValueAndRunsOnADaemonCellThreadWithTheUserLoader() throws Exception {
    AtomicReference<Thread> seen = new AtomicReference<>();
    Outcome o = runner(ThreadStopper.jdk()).run(() -> {
      seen.set(Thread.currentThread());
      return 42;
    });
    assertEquals(new Outcome.Returned(42), o);
    assertTrue(seen.get().isDaemon());
    assertTrue(seen.get().getName().startsWith("camlab-cell-"));
    assertSame(LOADER, seen.get().getContextClassLoader());
  }

  @Test
  void reportsWhatTheCodeThrew() throws Exception {
    Outcome o = runner(ThreadStopper.jdk()).run(() -> {
      throw new IllegalStateException("boom");
    });
    assertInstanceOf(IllegalStateException.class, ((Outcome.Threw) o).error());
  }

  @Test
  void anInterruptEndsSleepingCode() throws Exception {
    UserCodeRunner r = runner(ThreadStopper.jdk());
    interruptOnceStarted(r);
    long t0 = System.nanoTime();
    Outcome.Stopped s = (Outcome.Stopped) r.run(() -> {
      started = true;
      Thread.sleep(30_000);
      return null;
    });
    assertEquals(StopReason.INTERRUPTED, s.reason());
    assertEquals(StopMode.RESPONDED, s.mode());
    assertInstanceOf(InterruptedException.class, s.endedWith());
    assertTrue(System.nanoTime() - t0 < 5_000_000_000L);
  }

  @Test
  void codeThatIgnoresInterruptsIsForceStoppedOnJava17() throws Exception {
    Assumptions.assumeTrue(Runtime.version().feature() < 20, "Thread.stop works on Java 17-19 only");
    UserCodeRunner r = runner(ThreadStopper.jdk());
    interruptOnceStarted(r);
    Outcome.Stopped s = (Outcome.Stopped) r.run(() -> {
      started = true;
      long n = 0;
      while (!release) n++;
      return n;
    });
    assertEquals(StopMode.FORCED, s.mode());
    assertTrue(s.where().length > 0, "the stack shows where it was");
  }

  @Test
  void codeThatCannotBeStoppedIsLeftRunningAndTheNextRunStillWorks() throws Exception {
    UserCodeRunner r = runner(thread -> {
      throw new UnsupportedOperationException("no Thread.stop on this JDK");
    });
    interruptOnceStarted(r);
    Outcome.Stopped s = (Outcome.Stopped) r.run(() -> {
      started = true;
      while (!release) Thread.onSpinWait();
      return null;
    });
    assertEquals(StopMode.STILL_RUNNING, s.mode());
    assertNull(s.endedWith());
    r.beginCell(null, null);
    assertEquals(new Outcome.Returned("next"), r.run(() -> "next"));
  }

  @Test
  void everyRunUsesTheSameCellThreadSoLocksAndThreadLocalsCarryOver() throws Exception {
    UserCodeRunner r = runner(ThreadStopper.jdk());
    ReentrantLock lock = new ReentrantLock();
    Thread first = (Thread) ((Outcome.Returned) r.run(() -> {
      lock.lock(); // a cell that takes a lock and leaves it taken
      return Thread.currentThread();
    })).value();
    Thread.sleep(100);
    Outcome later = r.run(() -> {
      lock.unlock(); // IllegalMonitorStateException on any other thread
      return Thread.currentThread();
    });
    assertSame(first, ((Outcome.Returned) later).value());
    assertFalse(lock.isLocked());
  }

  @Test
  void aCellStuckOnALockIsStoppedAndTheLockAndItsHolderAreNamed() throws Exception {
    Assumptions.assumeTrue(Runtime.version().feature() < 20, "Thread.stop works on Java 17-19 only");
    ReentrantLock lock = new ReentrantLock();
    CountDownLatch held = new CountDownLatch(1);
    CountDownLatch done = new CountDownLatch(1);
    Thread holder = new Thread(() -> {
      lock.lock();
      held.countDown();
      try {
        done.await();
      } catch (InterruptedException ignored) {
        // test over
      } finally {
        lock.unlock();
      }
    }, "holder");
    holder.setDaemon(true);
    holder.start();
    held.await();
    try {
      UserCodeRunner r = runner(ThreadStopper.jdk());
      interruptOnceStarted(r);
      Outcome.Stopped s = (Outcome.Stopped) r.run(() -> {
        started = true;
        lock.lock(); // ignores the interrupt
        return null;
      });
      assertEquals(StopMode.FORCED, s.mode());
      assertTrue(java.util.Arrays.stream(s.where()).anyMatch(f -> f.getMethodName().equals("lock"))
          && java.util.Arrays.stream(s.where()).noneMatch(f -> f.getMethodName().equals("stop")),
          "the cell thread's stack where it waited, not the stopping thread's: " + java.util.Arrays.toString(s.where()));
      LockWait w = s.waitingFor();
      assertEquals("holder", w.owner());
      assertTrue(w.lock().contains("ReentrantLock"), w.lock());
      assertFalse(w.ownerIsCellThread());
      r.beginCell(null, null);
      assertEquals(new Outcome.Returned("next"), r.run(() -> "next"));
    } finally {
      done.countDown();
    }
  }

  @Test
  void aTimeLimitStopsTheCell() throws Exception {
    UserCodeRunner r = runner(ThreadStopper.jdk());
    r.beginCell(Duration.ofMillis(200), null);
    Outcome.Stopped s = (Outcome.Stopped) r.run(() -> {
      Thread.sleep(30_000);
      return null;
    });
    assertEquals(StopReason.TIMED_OUT, s.reason());
    assertEquals(StopReason.TIMED_OUT, r.pendingStop(), "later snippets of the cell do not start");
    r.endCell();
    assertNull(r.pendingStop());
  }

  @Test
  void anInterruptBetweenCellsDoesNotStopTheNextOne() throws Exception {
    UserCodeRunner r = runner(ThreadStopper.jdk());
    r.endCell();
    r.interrupt();
    r.beginCell(null, null);
    assertEquals(new Outcome.Returned(1), r.run(() -> 1));
  }

  private static void interruptOnceStarted(UserCodeRunner r) {
    Thread t = new Thread(() -> {
      try {
        while (!started) Thread.sleep(5);
        r.interrupt();
      } catch (InterruptedException ignored) {
        // test over
      }
    });
    t.setDaemon(true);
    t.start();
  }
}
