package camlab.exercises.grading;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.engine.JupiterTestEngine;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import camlab.exercises.graders.StudentAnswer;

/**
 * Runs one grader class with the JUnit Platform Launcher against one implementation.
 *
 * <p>The launcher is configured explicitly (Jupiter only, no auto-registered listeners, no
 * {@code junit-platform.properties}), so grading behaves the same inside surefire, the kernel and a
 * grading JVM.
 */
public final class GraderRunner {
  /** Told about each grader test as it starts and ends; {@code failure} is null when the test passed. */
  public interface Listener {
    void started(String test);

    void finished(String test, Throwable failure);
  }

  private GraderRunner() {}

  /** Runs {@code grader}'s tests with {@code answer} injected into their contract-typed parameters. */
  public static void run(Class<?> grader, Object answer, Listener listener) {
    Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
        .enableTestEngineAutoRegistration(false)
        .enableLauncherSessionListenerAutoRegistration(false)
        .enableLauncherDiscoveryListenerAutoRegistration(false)
        .enablePostDiscoveryFilterAutoRegistration(false)
        .enableTestExecutionListenerAutoRegistration(false)
        .addTestEngines(new JupiterTestEngine())
        .build());
    String key = StudentAnswer.register(answer);
    LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
        .selectors(selectClass(grader))
        .enableImplicitConfigurationParameters(false)
        .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "false")
        .configurationParameter(StudentAnswer.KEY, key)
        .build();
    try {
      launcher.execute(request, new Adapter(listener));
    } finally {
      StudentAnswer.remove(key);
    }
  }

  /** Runs in this JVM and collects outcomes: for testing graders against reference answers. */
  public static List<TestOutcome> runInProcess(Class<?> grader, Object answer) {
    List<TestOutcome> outcomes = new ArrayList<>();
    run(grader, answer, new Listener() {
      @Override public void started(String test) {}

      @Override public void finished(String test, Throwable failure) {
        outcomes.add(FailureText.outcome(test, failure));
      }
    });
    return outcomes;
  }

  private static final class Adapter implements TestExecutionListener {
    private final Listener listener;

    Adapter(Listener listener) {
      this.listener = listener;
    }

    @Override
    public void executionStarted(TestIdentifier id) {
      if (id.isTest()) listener.started(id.getDisplayName());
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
      // A failing container (e.g. the grader cannot be set up) must not pass silently.
      if (!id.isTest() && result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) return;
      if (result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
        listener.finished(id.getDisplayName(), null);
      } else {
        Throwable failure = result.getThrowable().orElseGet(() -> new AssertionError("aborted without a reason"));
        listener.finished(id.getDisplayName(), failure);
      }
    }
  }
}
