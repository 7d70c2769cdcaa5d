package camlab.exercises.graders;

import java.util.Arrays;
import java.util.function.IntFunction;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

import org.opentest4j.AssertionFailedError;

/**
 * Assertions for tensors returned by student code, with messages that name the call, the index and
 * both values, so the student can reproduce the failure in a notebook cell.
 *
 * <p>Every tensor an exercise returns is float32, like the course's models and maps: a result of another dtype
 * fails even when its values would convert, because the next layer or map operation would not accept it.
 */
public final class NDAssert {
  /** The dtype of every tensor an exercise returns. */
  public static final DataType RESULT_TYPE = DataType.FLOAT32;
  /** Arrays up to this many elements are printed in full in failure messages. */
  private static final int PRINT_LIMIT = 12;

  private NDAssert() {}

  /**
   * Fails unless {@code actual} is non-null, open, of {@code expected} shape and float32; {@code hint} is appended to a
   * shape failure.
   */
  public static void assertShapeAndType(Shape expected, NDArray actual, String call, String hint) {
    if (actual == null) {
      throw new AssertionFailedError(call + " returned null; it must return a float32 NDArray of shape " + expected);
    }
    if (actual.isReleased()) throw new AssertionFailedError(call + " returned an NDArray that is already closed");
    if (!actual.getShape().equals(expected)) {
      throw new AssertionFailedError(call + " returned shape " + actual.getShape() + " but the result must have shape "
          + expected + (hint == null || hint.isEmpty() ? "" : " — " + hint));
    }
    DataType type = actual.getDataType();
    if (type != RESULT_TYPE) {
      throw new AssertionFailedError(call + " returned " + type + "; the result must be " + RESULT_TYPE + " — " + typeHint(type));
    }
  }

  /** How a result of {@code type} usually comes about, and how to make it float32. */
  static String typeHint(DataType type) {
    String convert = "convert it with toType(DataType.FLOAT32, false)";
    return switch (type) {
      case FLOAT64 -> "manager.create(double[]) and toType(DataType.FLOAT64, …) make float64: build the result from a float[], or "
          + convert;
      case BOOLEAN -> "a comparison (lt, gte, eq, …) gives a boolean array: " + convert;
      case INT8, INT16, INT32, INT64, UINT8, UINT16, UINT32, UINT64 ->
          "manager.create(int[]) and integer casts make " + type + ": build the result from a float[], or " + convert;
      case FLOAT16, BFLOAT16 -> type + " keeps only about 3 significant digits: compute in float32";
      default -> convert;
    };
  }

  /**
   * Fails unless {@code actual} is float32 of {@code shape} and every element is within {@code 1e-5 + relTol · max|expected|} of
   * {@code expected} (row-major); {@code note}, if not null, adds what is known about the element that differs.
   */
  public static void assertValues(float[] expected, Shape shape, NDArray actual, double relTol, String call, String shapeHint,
      IntFunction<String> note) {
    assertShapeAndType(shape, actual, call, shapeHint);
    float[] got = actual.toFloatArray();
    double tol = tolerance(expected, relTol);
    for (int i = 0; i < expected.length; i++) {
      if (!(Math.abs(got[i] - expected[i]) <= tol)) {
        String msg = call + ": element " + index(i, shape) + " should be " + expected[i] + " but is " + got[i]
            + (note == null ? "" : note.apply(i));
        if (expected.length <= PRINT_LIMIT) {
          msg += "\n  expected " + format(expected, shape) + "\n  actual   " + format(got, shape);
        }
        throw new AssertionFailedError(msg);
      }
    }
  }

  /** The absolute tolerance {@link #assertValues} allows: {@code 1e-5 + relTol · max|expected|}. */
  public static double tolerance(float[] expected, double relTol) {
    double scale = 0;
    for (float e : expected) scale = Math.max(scale, Math.abs(e));
    return 1e-5 + relTol * scale;
  }

  /** Row-major flat index → {@code [i][j][k]}. */
  public static String index(int flat, Shape shape) {
    long[] dims = shape.getShape();
    long[] idx = new long[dims.length];
    long rest = flat;
    for (int d = dims.length - 1; d >= 0; d--) {
      idx[d] = dims[d] == 0 ? 0 : rest % dims[d];
      rest = dims[d] == 0 ? 0 : rest / dims[d];
    }
    StringBuilder sb = new StringBuilder();
    for (long i : idx) sb.append('[').append(i).append(']');
    return sb.length() == 0 ? "[]" : sb.toString();
  }

  /** A small array as nested brackets, e.g. {@code [[0.5, -1.0], [3.5, -2.0]]}. */
  public static String format(float[] values, Shape shape) {
    if (shape.dimension() <= 1) return Arrays.toString(values);
    long rowLength = shape.get(shape.dimension() - 1);
    StringBuilder sb = new StringBuilder("[");
    for (int r = 0; r * rowLength < values.length; r++) {
      if (r > 0) sb.append(", ");
      sb.append(Arrays.toString(Arrays.copyOfRange(values, (int) (r * rowLength), (int) ((r + 1) * rowLength))));
    }
    return sb.append(']').toString();
  }
}
