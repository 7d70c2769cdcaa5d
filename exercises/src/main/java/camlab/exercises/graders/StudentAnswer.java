package camlab.exercises.graders;

import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands the implementation under test to grader methods: a grader declares a parameter of the exercise's
 * contract type, e.g. {@code @Test void golden(ClassActivationMap student)}.
 *
 * <p>Each launch of a grader names its implementation with the configuration parameter {@link #KEY}, so several
 * graders can run at once in one JVM ({@link camlab.exercises.grading.GraderRunner} registers and removes it).
 */
public final class StudentAnswer implements ParameterResolver {
  /** The JUnit configuration parameter that holds the key of the implementation a launch grades. */
  public static final String KEY = "camlab.studentAnswer";
  private static final Map<String, Object> ANSWERS = new ConcurrentHashMap<>();

  /** Registers {@code implementation}; the returned key goes into the launch's {@link #KEY}. */
  public static String register(Object implementation) {
    String key = UUID.randomUUID().toString();
    ANSWERS.put(key, Objects.requireNonNull(implementation, "implementation"));
    return key;
  }

  public static void remove(String key) {
    ANSWERS.remove(key);
  }

  private static Object answer(ExtensionContext context) {
    return context.getConfigurationParameter(KEY).map(ANSWERS::get).orElse(null);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Object answer = answer(context);
    return answer != null && parameter.getParameter().getType().isInstance(answer);
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Object answer = answer(context);
    if (answer == null) throw new ParameterResolutionException("no student answer registered for this launch (StudentAnswer.register)");
    return answer;
  }
}
