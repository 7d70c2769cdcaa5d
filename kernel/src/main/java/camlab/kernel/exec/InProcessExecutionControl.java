package camlab.kernel.exec;

import java.lang.instrument.ClassDefinition;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import jdk.jshell.execution.DirectExecutionControl;

/**
 * JShell's execution engine inside the kernel JVM: snippet classes load into JShell's snippet class
 * loader, whose parent is the kernel's class path, so cells share the kernel's libraries and their static state
 * (a JNI library such as PyTorch's can bind to one class loader only) and can call them directly.
 *
 * <p>Differences from JShell's own in-process engine: each snippet runs on a {@link UserCodeRunner} cell
 * thread (interruptible, with a time limit); the real value and the real exception of the last run are
 * kept, because JShell's API only passes on their strings; exit calls in snippet classes are redirected;
 * snippet classes are redefined in place ({@link #redefine}), as JShell's default (remote, JDI) engine does.
 */
public final class InProcessExecutionControl extends DirectExecutionControl {
  private static final Logger LOG = Logger.getLogger(InProcessExecutionControl.class.getName());

  /** Class name JShell reports (via {@code EvalException}) for a snippet the kernel stopped. */
  public static final String STOPPED_MARKER = "camlab: cell stopped";

  private static final Object NOTHING = new Object();

  private final UserCodeRunner runner;
  private Object lastValue = NOTHING;
  private Throwable lastThrowable;
  private Outcome.Stopped lastStop;
  private boolean warnedUnreadable;
  private boolean warnedNoAgent;

  InProcessExecutionControl(Duration grace, ThreadStopper stopper) {
    super(); // JShell's default loader delegate; it makes its snippet loader the context loader of this thread
    this.runner = new UserCodeRunner(Thread.currentThread().getContextClassLoader(), grace, stopper);
  }

  public UserCodeRunner runner() {
    return runner;
  }

  @Override
  public void load(ClassBytecodes[] classes) throws ClassInstallException, NotImplementedException, EngineTerminationException {
    ClassBytecodes[] guarded = new ClassBytecodes[classes.length];
    for (int i = 0; i < classes.length; i++) {
      guarded[i] = new ClassBytecodes(classes[i].name(), guardExits(classes[i].bytecodes()));
    }
    super.load(guarded);
  }

  /**
   * Replaces the code of loaded snippet classes, keeping the classes (and so the values of their static fields,
   * which hold the notebook's variables). JShell asks for this whenever it recompiles a snippet whose class is
   * already loaded: a method redefined with the same signature, a snippet that uses a redefined method or
   * class, every snippet after a star import. Without it JShell's fallback loads the snippet under a new class
   * name, and each variable in it silently becomes null / 0 (JShell's own {@code DirectExecutionControl}
   * does not support redefinition; its JDI engine does). Changes the JVM cannot redefine (a field or method
   * added or removed) fail here, and JShell then replaces the class as its JDI engine would.
   */
  @Override
  public void redefine(ClassBytecodes[] classes) throws ClassInstallException, NotImplementedException, EngineTerminationException {
    Instrumentation inst = KernelAgent.redefiner();
    if (inst == null) {
      if (!warnedNoAgent) {
        warnedNoAgent = true;
        LOG.warning("The kernel was started without its agent (java -jar camlab-kernel.jar starts it), so cell classes"
            + " cannot be redefined: variables that depend on redefined code lose their values.");
      }
      throw new NotImplementedException("redefine needs the kernel agent (java -jar camlab-kernel.jar)");
    }
    ClassBytecodes[] guarded = new ClassBytecodes[classes.length];
    ClassDefinition[] definitions = new ClassDefinition[classes.length];
    try {
      for (int i = 0; i < classes.length; i++) {
        guarded[i] = new ClassBytecodes(classes[i].name(), guardExits(classes[i].bytecodes()));
        definitions[i] = new ClassDefinition(findClass(classes[i].name()), guarded[i].bytecodes());
      }
      inst.redefineClasses(definitions);
    } catch (ClassNotFoundException | UnmodifiableClassException | RuntimeException | LinkageError | InternalError e) {
      // e.g. "class redefinition failed: attempted to add a method": JShell replaces the class instead
      throw new ClassInstallException("redefine: " + e.getMessage(), new boolean[classes.length]);
    }
    // the snippet loader serves the bytes of its classes as resources: keep them current
    classesRedefined(guarded);
  }

  private byte[] guardExits(byte[] classFile) {
    try {
      return ExitCallRewriter.rewrite(classFile);
    } catch (RuntimeException unreadable) {
      if (!warnedUnreadable) {
        warnedUnreadable = true;
        LOG.log(Level.WARNING, "Cannot scan cell classes for System.exit (class file too new for ASM?);"
            + " System.exit in a cell will end the kernel.", unreadable);
      }
      return classFile;
    }
  }

  @Override
  protected String invoke(Method doit) throws Exception {
    lastValue = NOTHING;
    lastThrowable = null;
    lastStop = null;
    Outcome outcome = runner.run(() -> doit.invoke(null));
    if (outcome instanceof Outcome.Returned r) {
      lastValue = r.value();
      // Not valueString(): that calls the value's toString() here, on the shell thread, where a slow or
      // endless toString() could not be interrupted. The kernel renders lastValue() itself.
      return r.value() == null ? "null" : r.value().getClass().getName();
    }
    if (outcome instanceof Outcome.Threw t) {
      lastThrowable = t.error();
      return throwConvertedInvocationException(t.error());
    }
    Outcome.Stopped s = (Outcome.Stopped) outcome;
    lastStop = s;
    // JShell maps these frames to snippet lines for us; the evaluator reads lastStop for the rest
    throw new UserException(s.reason().name(), STOPPED_MARKER, s.where());
  }

  /** The value the last snippet returned; {@code hasValue} is false if it threw or was stopped. */
  public Object lastValue() {
    return lastValue == NOTHING ? null : lastValue;
  }

  public boolean hasLastValue() {
    return lastValue != NOTHING;
  }

  /** The real exception the last snippet threw (JShell only passes its class name on), or null. */
  public Throwable lastThrowable() {
    return lastThrowable;
  }

  /** How the last snippet was stopped, or null if it was not. */
  public Outcome.Stopped lastStop() {
    return lastStop;
  }

  /** Drops references to the last results so big values can be collected. */
  public void forgetLast() {
    lastValue = NOTHING;
    lastThrowable = null;
    lastStop = null;
  }

  @Override
  public void stop() {
    runner.interrupt();
  }

  @Override
  public void close() {
    runner.close();
    super.close();
  }
}
