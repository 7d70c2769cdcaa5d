package camlab.exercises.graders;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What one grader test (a {@code @Test} or {@code @TestFactory} method) is worth. An exercise either states it on
 * every test, visible and hidden, summing to the exercise's points, or on none: then its points are split equally.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Points {
  double value();
}
