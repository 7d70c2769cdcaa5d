package camlab.exercises.graders;

import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.IntFunction;

import ai.djl.ndarray.NDArray;

import org.opentest4j.AssertionFailedError;

/**
 * Decides whether a student's result is right. A failure names the call, the difference it saw (the index and both values),
 * why the expected value is right ({@code why}: a golden case's hand derivation, or what the reference says) and what the
 * wrong value tells about its cause, where it tells anything.
 */
@FunctionalInterface
public interface Judge {
  /**
   * Throws an {@link AssertionFailedError} unless {@code actual}, the result of the call described by {@code call} with
   * {@code args}, matches {@code expected}.
   */
  void judge(Args args, Object expected, Object actual, String call, String why);

  /** What a wrong value tells about its cause, from the call's arguments, the expected and the actual value: appended, or "". */
  @FunctionalInterface
  interface Hint {
    String of(Args args, Object expected, Object actual);
  }

  /**
   * NDArray results against a {@link Tensor}: float32, the expected shape ({@code shapeHint} says how to get it), every element
   * within {@code 1e-5 + relTol · max|expected|}; {@code note} adds what is known about element {@code i} (may be null).
   */
  static Judge tensor(double relTol, String shapeHint, BiFunction<Args, Integer, String> note) {
    return (args, expected, actual, call, why) -> {
      Tensor t = (Tensor) expected;
      IntFunction<String> elementNote = note == null ? null : i -> note.apply(args, i);
      NDAssert.assertValues(t.values(), t.shape(), (NDArray) actual, relTol, join(call, why), shapeHint, elementNote);
    };
  }

  /**
   * Numbers within {@code tolerance} of the expected one (NaN expects NaN); {@code hint} says what a wrong value tells.
   */
  static Judge number(double tolerance, Hint hint) {
    return (args, expected, actual, call, why) -> {
      double e = ((Number) expected).doubleValue();
      double got = ((Number) actual).doubleValue();
      boolean right = Double.isNaN(e) ? Double.isNaN(got) : Math.abs(got - e) <= tolerance;
      if (!right) {
        throw new AssertionFailedError(call + " should be " + e + " but is " + got + dash(why) + hint.of(args, e, got));
      }
    };
  }

  /** Java arrays equal element by element; {@code hint} says what a wrong value tells. */
  static Judge exact(Hint hint) {
    return (args, expected, actual, call, why) -> {
      if (!Objects.deepEquals(expected, actual)) {
        throw new AssertionFailedError(call + " should return " + CallText.value(expected) + " but returned " + CallText.value(actual) + dash(why)
            + hint.of(args, expected, actual));
      }
    };
  }

  /** {@code call} followed by {@code why}: after a space, or straight after it when {@code why} starts with punctuation. */
  static String join(String call, String why) {
    if (why == null || why.isEmpty()) return call;
    return call + (why.startsWith(";") || why.startsWith(",") || why.startsWith(":") || why.startsWith(" ") ? "" : " ") + why;
  }

  /** " — why", or "" when there is no why. */
  static String dash(String why) {
    return why == null || why.isEmpty() ? "" : " — " + why;
  }
}
