package camlab.kernel.exec;

import java.time.Duration;
import java.util.Map;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/** Hands JShell an {@link InProcessExecutionControl} and remembers it for the evaluator. */
public final class InProcessEngine implements ExecutionControlProvider {
  private final Duration grace;
  private final ThreadStopper stopper;
  private InProcessExecutionControl control;

  public InProcessEngine(Duration grace, ThreadStopper stopper) {
    this.grace = grace;
    this.stopper = stopper;
  }

  @Override
  public String name() {
    return "camlab-in-process";
  }

  @Override
  public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
    control = new InProcessExecutionControl(grace, stopper);
    return control;
  }

  /** The control JShell asked for; null before {@code JShell.builder().build()}. */
  public InProcessExecutionControl control() {
    return control;
  }
}
