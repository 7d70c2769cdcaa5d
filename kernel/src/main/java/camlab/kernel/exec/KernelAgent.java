package camlab.kernel.exec;

import java.lang.instrument.Instrumentation;

/**
 * Gives the kernel the JVM's {@link Instrumentation}, so JShell can redefine cell classes in place (see
 * {@link InProcessExecutionControl#redefine}).
 *
 * <p>{@code java -jar camlab-kernel.jar} (what kernel.json runs) starts it through the jar manifest's
 * {@code Launcher-Agent-Class}: no command-line flag, no dynamic attach, no warning on newer JDKs.
 * {@code -javaagent:camlab-kernel.jar} does the same for JVMs started with a class path instead.
 */
public final class KernelAgent {
  private static volatile Instrumentation instrumentation;

  private KernelAgent() {}

  /** Called by the JVM before {@code main} for {@code Launcher-Agent-Class} (and for a dynamic attach). */
  public static void agentmain(String args, Instrumentation inst) {
    instrumentation = inst;
  }

  /** Called by the JVM for {@code -javaagent:camlab-kernel.jar}. */
  public static void premain(String args, Instrumentation inst) {
    instrumentation = inst;
  }

  /** The JVM's instrumentation, or null when the kernel was started without its agent. */
  public static Instrumentation instrumentation() {
    return instrumentation;
  }

  /** The JVM's instrumentation if it can redefine classes, else null (started without the agent). */
  static Instrumentation redefiner() {
    Instrumentation inst = instrumentation;
    return inst != null && inst.isRedefineClassesSupported() ? inst : null;
  }
}
