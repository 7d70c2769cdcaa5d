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
  /**
   * Told about each grader test as it starts and ends; {@code item} is the {@code GraderClass#method} it belongs to
   * (several dynamic tests share their factory's), {@code failure} is null when the test passed.
   */
  public interface Listener {
    void started(String test);

    void finished(String test, String item, Throwable failure);
  }

  private GraderRunner() {}

  /** Runs {@code grader}'s tests with {@code answer} injected into their contract-typed parameters. */
  public static void run(Class<?> grader, Object answer, Listener listener) {
    run(List.of(grader), answer, listener);
  }

  /** Runs the tests of {@code graders}, in that order, with {@code answer} injected. */
  public static void run(List<Class<?>> graders, Object answer, Listener listener) {
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
        .selectors(graders.stream().map(g -> selectClass(g)).toList())
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

      @Override public void finished(String test, String item, Throwable failure) {
        outcomes.add(FailureText.outcome(test, item, failure));
      }
    });
    return outcomes;
  }

  /**
   * {@code GraderClass#method} from a test's unique id ({@code [class:a.b.Grader]/[method:golden(…)]} or
   * {@code …/[test-factory:random(…)]/[dynamic-test:#3]}); the class alone for a failing class-level container.
   */
  static String item(TestIdentifier id) {
    String className = null;
    String method = null;
    for (String segment : id.getUniqueId().split("/")) {
      if (!segment.startsWith("[") || !segment.endsWith("]")) continue;
      int colon = segment.indexOf(':');
      String type = segment.substring(1, colon);
      String value = segment.substring(colon + 1, segment.length() - 1);
      if (type.equals("class")) className = value.substring(value.lastIndexOf('.') + 1).replace('$', '.');
      if (method == null && (type.equals("method") || type.equals("test-factory") || type.equals("test-template"))) {
        method = value.substring(0, value.indexOf('(') < 0 ? value.length() : value.indexOf('('));
      }
    }
    return className == null ? id.getDisplayName() : method == null ? className : className + "#" + method;
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
        listener.finished(id.getDisplayName(), item(id), null);
      } else {
        Throwable failure = result.getThrowable().orElseGet(() -> new AssertionError("aborted without a reason"));
        listener.finished(id.getDisplayName(), item(id), failure);
      }
    }
  }
}
