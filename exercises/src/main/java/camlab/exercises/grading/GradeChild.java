package camlab.exercises.grading;

import java.lang.management.ManagementFactory;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import camlab.exercises.Contract;

/**
 * The main class of a grading JVM: loads one compiled cell, runs its grader, reports through an events
 * file, and ends. Whatever the cell does (loop, exit, overflow, allocate, print) stays in this JVM;
 * the grading JVM that started it turns the aftermath into a verdict.
 *
 * <p>Arguments: {@code <contract interface> <grader class> <cell class> <cell header lines> <events file>}.
 */
public final class GradeChild {
  private GradeChild() {}

  /** Freed when the cell exhausts the heap, so the report can still be written. */
  private static byte[] reserve = new byte[4 << 20];

  public static void main(String[] args) throws Exception {
    if (args.length != 5) throw new IllegalArgumentException("usage: GradeChild <contract> <grader> <cell class> <header lines> <events file>");
    String cellClassName = args[2];
    FailureText text = new FailureText(cellClassName, Integer.parseInt(args[3]));
    ChildEvents.Writer events = new ChildEvents.Writer(Path.of(args[4]));
    AtomicBoolean finished = new AtomicBoolean();
    AtomicReference<String> running = new AtomicReference<>();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      if (!finished.get()) events.exitCalled(whereExitWasCalled(text));
    }, "report-exit"));

    warmUpEngine();
    try {
      Contract contract = Contract.of(Class.forName(args[0]));
      Class<?> grader = Class.forName(args[1]);
      Object answer = load(contract, cellClassName, text, events);
      if (answer != null) {
        GraderRunner.run(grader, answer, new GraderRunner.Listener() {
          @Override public void started(String test) {
            running.set(test);
            events.started(test);
          }

          @Override public void finished(String test, Throwable failure) {
            running.set(null);
            events.finished(text.outcome(test, failure));
          }
        });
      }
    } catch (OutOfMemoryError e) {
      reserve = null;
      String test = running.get();
      events.fatal("ran out of memory" + (test == null ? "" : " in test '" + test + "'") + " (heap limit " + heapLimit()
          + ") — does the cell keep allocating?");
    } catch (Throwable t) {
      events.fatal("the grader could not run: " + t);
    }
    events.done();
    finished.set(true);
    System.out.flush();
    System.err.flush();
    Runtime.getRuntime().halt(0); // threads the cell may have started must not keep this JVM alive
  }

  /**
   * Loads DJL's engine (native libraries, thread pools) while JUnit discovers the grader: the two are the
   * bulk of a grading JVM's start and are independent. Failures are left for the grader to meet and report.
   */
  private static void warmUpEngine() {
    Thread warmUp = new Thread(() -> {
      try (NDManager manager = NDManager.newBaseManager()) {
        manager.zeros(new Shape(1)).sum();
      } catch (RuntimeException | LinkageError e) {
        // the grader's first NDArray call fails the same way, inside a test, with a message
      }
    }, "engine-warm-up");
    warmUp.setDaemon(true);
    warmUp.start();
  }

  /** The cell as its contract interface, or null after reporting why it cannot be loaded. */
  private static Object load(Contract contract, String cellClassName, FailureText text, ChildEvents.Writer events)
      throws ClassNotFoundException {
    try {
      return StudentAdapter.create(contract.type(), Class.forName(cellClassName), contract.method());
    } catch (InvocationTargetException | ExceptionInInitializerError e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      TestOutcome o = text.outcome("setting up the cell's fields", cause);
      if (o.status() == Status.TODO) {
        events.finished(o);
      } else {
        events.fatal(o.message());
      }
    } catch (NoSuchMethodException e) {
      events.fatal("the cell's class has no " + contract.signature() + " after compiling (" + e.getMessage() + ")");
    } catch (ReflectiveOperationException e) {
      events.fatal("cannot load the compiled cell: " + e);
    }
    return null;
  }

  /** The -Xmx this JVM was started with, as given (e.g. 512m). */
  private static String heapLimit() {
    return ManagementFactory.getRuntimeMXBean().getInputArguments().stream().filter(a -> a.startsWith("-Xmx"))
        .reduce((first, last) -> last).map(a -> a.substring(4).toUpperCase(java.util.Locale.ROOT) + "B")
        .orElse(Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB");
  }

  /** " at cell line N" for the thread that called System.exit, read from inside the shutdown hook. */
  private static String whereExitWasCalled(FailureText text) {
    for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
      StackTraceElement[] stack = e.getValue();
      boolean exiting = false;
      for (StackTraceElement frame : stack) {
        if (frame.getClassName().equals("java.lang.Shutdown")
            || (frame.getClassName().equals("java.lang.Runtime") && frame.getMethodName().equals("exit"))) {
          exiting = true;
          break;
        }
      }
      if (!exiting) continue;
      Throwable probe = new Throwable();
      probe.setStackTrace(stack);
      int line = text.cellLineOf(probe);
      return line > 0 ? " at cell line " + line : "";
    }
    return "";
  }
}
