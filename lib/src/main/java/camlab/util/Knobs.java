package camlab.util;

/**
 * The size knobs that keep CI and quick runs short while students get the full run. Each is read from
 * a system property {@code camlab.<name>} or the environment variable {@code CAMLAB_<NAME>}; unset means
 * "the full run".
 *
 * <ul>
 *   <li>{@code CAMLAB_TRAIN_LIMIT} — train on the first N training images only;
 *   <li>{@code CAMLAB_EPOCHS} — number of epochs;
 *   <li>{@code CAMLAB_EVAL_LIMIT} — evaluate on the first N test images only.
 * </ul>
 */
public final class Knobs {
  private Knobs() {}

  /** Training images to use, 0 = all. */
  public static int trainLimit() {
    return intKnob("train.limit", "CAMLAB_TRAIN_LIMIT", 0);
  }

  /** Epochs, or {@code fallback} when unset. */
  public static int epochs(int fallback) {
    return intKnob("epochs", "CAMLAB_EPOCHS", fallback);
  }

  /** Test images to evaluate on, 0 = all. */
  public static int evalLimit() {
    return intKnob("eval.limit", "CAMLAB_EVAL_LIMIT", 0);
  }

  static int intKnob(String property, String env, int fallback) {
    String value = System.getProperty("camlab." + property, System.getenv(env));
    if (value == null || value.isBlank()) return fallback;
    try {
      int parsed = Integer.parseInt(value.trim());
      if (parsed < 0) throw new NumberFormatException();
      return parsed;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(env + " must be a non-negative whole number; got '" + value + "'.");
    }
  }
}
