package camlab.exercises.graders;

import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.StringJoiner;

import ai.djl.ndarray.NDArray;

/** How a failure message names a call and the values in it, so that the student can make the same call in a notebook cell. */
final class CallText {
  /** A Java array argument longer than this, printed, is named by its type and length instead. */
  private static final int PRINT_LIMIT = 256;

  private CallText() {}

  /** {@code name(param value, …)}: an NDArray by its shape, a short Java array by its elements, a number by its value. */
  static String of(Method method, Args args) {
    Parameter[] parameters = method.getParameters();
    StringJoiner call = new StringJoiner(", ", method.getName() + "(", ")");
    for (int i = 0; i < parameters.length; i++) call.add(parameters[i].getName() + argument(args.get(i)));
    return call.toString();
  }

  /** An array's elements, {@code null}, or the value itself. */
  static String value(Object value) {
    if (value == null || !value.getClass().isArray()) return String.valueOf(value);
    Object[] boxed = new Object[Array.getLength(value)];
    for (int i = 0; i < boxed.length; i++) boxed[i] = Array.get(value, i);
    return Arrays.deepToString(boxed);
  }

  private static String argument(Object value) {
    if (value == null) return " null";
    if (value instanceof NDArray array) return " " + array.getShape();
    if (value instanceof Number || value instanceof Boolean || value instanceof Character) return " " + value;
    if (!value.getClass().isArray()) return "";
    String text = value(value);
    return " " + (text.length() <= PRINT_LIMIT ? text : value.getClass().getComponentType().getSimpleName().replaceFirst("\\[.*", "")
        + dimensions(value));
  }

  /** {@code [n]}, or {@code [n][m]} with the first inner array's length. */
  private static String dimensions(Object array) {
    int n = Array.getLength(array);
    Object first = n > 0 ? Array.get(array, 0) : null;
    return "[" + n + "]" + (first != null && first.getClass().isArray() ? dimensions(first) : "");
  }
}
