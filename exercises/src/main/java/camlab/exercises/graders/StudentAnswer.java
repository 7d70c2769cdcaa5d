package camlab.exercises.graders;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands the implementation under test to grader methods: a grader declares a parameter of the exercise's
 * contract type, e.g. {@code @Test void golden(ClassActivationMap student)}.
 *
 * <p>One answer per JVM at a time: grading runs each exercise in its own JVM, and in-process runs
 * ({@link camlab.exercises.grading.GraderRunner}) install and clear it around the launch.
 */
public final class StudentAnswer implements ParameterResolver {
  private static final AtomicReference<Object> CURRENT = new AtomicReference<>();

  /** Installs {@code implementation} for the graders run next. */
  public static void install(Object implementation) {
    CURRENT.set(Objects.requireNonNull(implementation, "implementation"));
  }

  public static void clear() {
    CURRENT.set(null);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Object answer = CURRENT.get();
    return answer != null && parameter.getParameter().getType().isInstance(answer);
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Object answer = CURRENT.get();
    if (answer == null) throw new ParameterResolutionException("no student answer installed (StudentAnswer.install)");
    return answer;
  }
}
