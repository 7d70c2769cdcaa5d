package camlab.exercises.graders;

import java.util.Arrays;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

import org.opentest4j.AssertionFailedError;

/**
 * Assertions for tensors returned by student code, with messages that name the call, the index and
 * both values, so the student can reproduce the failure in a notebook cell.
 */
public final class NDAssert {
  /** Arrays up to this many elements are printed in full in failure messages. */
  private static final int PRINT_LIMIT = 12;

  private NDAssert() {}

  /** Fails unless {@code actual} is non-null and has {@code expected} shape; {@code hint} is appended to a shape failure. */
  public static void assertShape(Shape expected, NDArray actual, String call, String hint) {
    if (actual == null) throw new AssertionFailedError(call + " returned null; it must return an NDArray of shape " + expected);
    if (actual.isReleased()) throw new AssertionFailedError(call + " returned an NDArray that is already closed");
    if (!actual.getShape().equals(expected)) {
      throw new AssertionFailedError(call + " returned shape " + actual.getShape() + " but the result must have shape "
          + expected + (hint == null || hint.isEmpty() ? "" : " — " + hint));
    }
  }

  /**
   * Fails unless {@code actual} has {@code shape} and every element is within
   * {@code 1e-5 + relTol · max|expected|} of {@code expected} (row-major).
   */
  public static void assertValues(float[] expected, Shape shape, NDArray actual, double relTol, String call, String shapeHint) {
    assertShape(shape, actual, call, shapeHint);
    float[] got = actual.toType(DataType.FLOAT32, false).toFloatArray();
    double scale = 0;
    for (float e : expected) scale = Math.max(scale, Math.abs(e));
    double tol = 1e-5 + relTol * scale;
    for (int i = 0; i < expected.length; i++) {
      if (!(Math.abs(got[i] - expected[i]) <= tol)) {
        String msg = call + ": element " + index(i, shape) + " should be " + expected[i] + " but is " + got[i];
        if (expected.length <= PRINT_LIMIT) {
          msg += "\n  expected " + format(expected, shape) + "\n  actual   " + format(got, shape);
        }
        throw new AssertionFailedError(msg);
      }
    }
  }

  /** Fails if {@code array} was closed or its values changed from {@code before} (a copy taken before the call). */
  public static void assertUnchanged(float[] before, NDArray array, String name, String call) {
    if (array.isReleased()) {
      throw new AssertionFailedError(call + " closed its argument `" + name + "`; the caller still owns it");
    }
    float[] after = array.toFloatArray();
    for (int i = 0; i < before.length; i++) {
      if (Float.compare(before[i], after[i]) != 0) {
        throw new AssertionFailedError(call + " modified its argument `" + name + "` (element " + index(i, array.getShape())
            + " was " + before[i] + ", is now " + after[i] + "); use mul/add, not the in-place muli/addi");
      }
    }
  }

  /** Row-major flat index → {@code [i][j][k]}. */
  static String index(int flat, Shape shape) {
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
