package camlab.exercises.graders;

import java.util.Arrays;

import ai.djl.ndarray.NDArray;

/** The arguments of one call of an exercise's method, in the order of the contract's parameters. */
public final class Args {
  private final Object[] values;

  private Args(Object[] values) {
    this.values = values.clone();
  }

  /** The arguments {@code values}, in the contract's parameter order (a primitive parameter takes its boxed value). */
  public static Args args(Object... values) {
    return new Args(values);
  }

  /** Argument {@code i}, as the type the caller expects (e.g. passed straight to a method that takes a {@code float[]}). */
  @SuppressWarnings("unchecked")
  public <T> T get(int i) {
    return (T) values[i];
  }

  /** Argument {@code i}, an NDArray. */
  public NDArray array(int i) {
    return (NDArray) values[i];
  }

  /** Argument {@code i}, an int. */
  public int integer(int i) {
    return ((Number) values[i]).intValue();
  }

  /** Argument {@code i}, a float or double, as a double. */
  public double real(int i) {
    return ((Number) values[i]).doubleValue();
  }

  /** A copy of the values, for a reflective call. */
  Object[] values() {
    return values.clone();
  }

  @Override
  public String toString() {
    return Arrays.deepToString(values);
  }
}
