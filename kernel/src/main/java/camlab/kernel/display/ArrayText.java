package camlab.kernel.display;

import java.lang.reflect.Array;
import java.util.Locale;

/**
 * Java arrays as jshell writes them, {@code int[3] { 1, 2, 3 }}, instead of their identity ({@code [I@28ebd61d}),
 * which changes every run. Long arrays show their first {@value #SHOWN} elements and how many more there are.
 */
public final class ArrayText {
  static final int SHOWN = 100;

  private ArrayText() {}

  /** @param array an array of any element type (nested arrays too) */
  public static String format(Object array) {
    StringBuilder sb = new StringBuilder();
    append(sb, array);
    return sb.toString();
  }

  private static void append(StringBuilder sb, Object array) {
    int n = Array.getLength(array);
    Class<?> component = array.getClass().getComponentType();
    sb.append(typeWithLength(array.getClass(), n)).append(" {");
    int shown = Math.min(n, SHOWN);
    for (int i = 0; i < shown; i++) {
      sb.append(i == 0 ? " " : ", ");
      element(sb, Array.get(array, i), component);
    }
    if (n > shown) sb.append(String.format(Locale.ROOT, ", … %,d more", n - shown));
    sb.append(n == 0 ? "}" : " }");
  }

  /** {@code int[3]}, {@code String[2][]}: the simple element type with the length in the first brackets. */
  private static String typeWithLength(Class<?> type, int length) {
    Class<?> element = type;
    int dims = 0;
    while (element.isArray()) {
      element = element.getComponentType();
      dims++;
    }
    return element.getSimpleName() + "[" + length + "]" + "[]".repeat(dims - 1);
  }

  private static void element(StringBuilder sb, Object value, Class<?> component) {
    if (value == null) {
      sb.append("null");
    } else if (value.getClass().isArray()) {
      append(sb, value);
    } else if (value instanceof String s) {
      sb.append('"').append(escape(s)).append('"');
    } else if (value instanceof Character c && component == char.class) {
      sb.append('\'').append(escape(String.valueOf(c))).append('\'');
    } else {
      sb.append(value);
    }
  }

  private static String escape(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\t", "\\t");
  }
}
