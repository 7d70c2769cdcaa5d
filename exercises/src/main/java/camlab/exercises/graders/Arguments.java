package camlab.exercises.graders;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

import org.opentest4j.AssertionFailedError;

/**
 * Copies of a call's array arguments, taken just before the student's code runs, so that the grader can check
 * right after every call that the arguments are as they were: a mutation that happens only for some inputs
 * (a constant map, a single channel, a long array) is caught on the input that triggers it.
 *
 * <p>NDArrays (float32) are compared value by value, with their shape and dtype, and must still be open; Java
 * arrays ({@code int[]}, {@code float[]}, {@code double[]} and arrays of them) are compared element by element
 * ({@code NaN} equals {@code NaN}).
 */
public final class Arguments {
  /** The hint for an NDArray argument changed in place. */
  public static final String IN_PLACE_HINT = "use the operations that return a new array (mul, add, sub, neg, …), not the"
      + " in-place ones ending in i (muli, addi, subi, negi, …) — and a reshape of an argument is the same memory";

  private final List<Snapshot> snapshots = new ArrayList<>();

  private Arguments() {}

  /** Starts a snapshot with argument {@code name}: an {@link NDArray} or a Java array. */
  public static Arguments of(String name, Object value) {
    return new Arguments().and(name, value);
  }

  /** Adds argument {@code name}: an {@link NDArray} or a Java array. */
  public Arguments and(String name, Object value) {
    Objects.requireNonNull(value, name);
    snapshots.add(value instanceof NDArray array ? new TensorSnapshot(name, array) : new JavaArraySnapshot(name, value));
    return this;
  }

  /** A deep copy of a Java array (arrays of arrays copied all the way down). */
  static Object copy(Object array) {
    return JavaArraySnapshot.deepCopy(array);
  }

  /** Fails with a message naming {@code call}, the argument and the first changed element; {@code hint} says what to do. */
  public void assertUnchanged(String call, String hint) {
    for (Snapshot s : snapshots) {
      String change = s.change();
      if (change != null) throw new AssertionFailedError(call + " " + change + "; the caller still uses it — " + hint);
    }
  }

  private interface Snapshot {
    /** What changed, e.g. "modified its argument `map` (element [0][1] was 2.0, is now 0.0)"; null if nothing did. */
    String change();
  }

  private static final class TensorSnapshot implements Snapshot {
    private final String name;
    private final NDArray array;
    private final Shape shape;
    private final DataType type;
    private final float[] values;

    TensorSnapshot(String name, NDArray array) {
      this.name = name;
      this.array = array;
      this.shape = array.getShape();
      this.type = array.getDataType();
      this.values = array.toFloatArray();
    }

    @Override
    public String change() {
      if (array.isReleased()) return "closed its argument `" + name + "`";
      if (!array.getShape().equals(shape) || array.getDataType() != type) {
        return "changed its argument `" + name + "` from " + type + " " + shape + " to " + array.getDataType() + " " + array.getShape();
      }
      float[] now = array.toFloatArray();
      for (int i = 0; i < values.length; i++) {
        if (Float.compare(values[i], now[i]) != 0) {
          return "modified its argument `" + name + "` (element " + NDAssert.index(i, shape) + " was " + values[i] + ", is now "
              + now[i] + ")";
        }
      }
      return null;
    }
  }

  private static final class JavaArraySnapshot implements Snapshot {
    private final String name;
    private final Object array;
    private final Object copy;

    JavaArraySnapshot(String name, Object array) {
      if (!array.getClass().isArray()) throw new IllegalArgumentException(name + " is not an array: " + array.getClass());
      this.name = name;
      this.array = array;
      this.copy = deepCopy(array);
    }

    @Override
    public String change() {
      String where = firstDifference(copy, array, "");
      return where == null ? null : "changed its argument `" + name + "` (" + where + ")";
    }

    static Object deepCopy(Object array) {
      int n = Array.getLength(array);
      Object copy = Array.newInstance(array.getClass().getComponentType(), n);
      for (int i = 0; i < n; i++) {
        Object element = Array.get(array, i);
        Array.set(copy, i, element != null && element.getClass().isArray() ? deepCopy(element) : element);
      }
      return copy;
    }

    /** "[2] was 5, is now 3" for the first element that differs (boxed equality: NaN equals NaN), or null. */
    private static String firstDifference(Object before, Object after, String path) {
      if (after == null) return path + " was an array, is now null";
      int n = Array.getLength(before);
      if (Array.getLength(after) != n) return path + " had " + n + " elements, now " + Array.getLength(after);
      for (int i = 0; i < n; i++) {
        Object b = Array.get(before, i);
        Object a = Array.get(after, i);
        if (b != null && b.getClass().isArray()) {
          String inner = firstDifference(b, a, path + "[" + i + "]");
          if (inner != null) return inner;
        } else if (!Objects.equals(b, a)) {
          return "element " + path + "[" + i + "] was " + b + ", is now " + a;
        }
      }
      return null;
    }
  }
}
