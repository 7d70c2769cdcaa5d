package camlab.explain;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * The settings some methods take, each optional: the occlusion patch and stride, the steps of Integrated Gradients,
 * the samples of SmoothGrad, the masks of RISE and the seed of the random ones. {@link Explainers#byName(String,
 * MethodOptions)} refuses an option the chosen method does not take, so a setting is never silently ignored; a value
 * out of range is refused here, when it is given.
 *
 * <pre>{@code
 * Explainer ig = Explainers.byName("integrated-gradients", MethodOptions.none().with(MethodOptions.Option.STEPS, 64));
 * }</pre>
 */
public final class MethodOptions {
  /** One setting, by its command-line name, with the smallest value that makes sense. */
  public enum Option {
    /** Side of the occlusion patch, in pixels. */
    PATCH("patch", 1),
    /** How far the occlusion patch moves each step, in pixels. */
    STRIDE("stride", 1),
    /** Riemann steps m of Integrated Gradients. */
    STEPS("steps", 1),
    /** Noisy copies n of SmoothGrad. */
    SAMPLES("samples", 1),
    /** Random masks N of RISE. */
    MASKS("masks", 1),
    /** Seed of a method's random numbers (SmoothGrad's noise, RISE's masks). */
    SEED("seed", 0);

    private final String flag;
    private final long min;

    Option(String flag, long min) {
      this.flag = flag;
      this.min = min;
    }

    /** The command-line name, without the dashes: "steps". */
    public String flag() {
      return flag;
    }

    /** The smallest value accepted. */
    public long min() {
      return min;
    }

    /** The option with this command-line name, or null. */
    public static Option byFlag(String flag) {
      for (Option o : values()) if (o.flag.equals(flag)) return o;
      return null;
    }
  }

  private static final MethodOptions NONE = new MethodOptions(new EnumMap<>(Option.class));

  private final Map<Option, Long> given;

  private MethodOptions(EnumMap<Option, Long> given) {
    this.given = Collections.unmodifiableMap(given);
  }

  /** No option given: every method uses its defaults. */
  public static MethodOptions none() {
    return NONE;
  }

  /**
   * These options plus {@code option = value}.
   *
   * @throws IllegalArgumentException for a value below the option's minimum (zero steps, samples, masks; a patch of 0)
   */
  public MethodOptions with(Option option, long value) {
    if (value < option.min() || (option != Option.SEED && value > Integer.MAX_VALUE)) {
      throw new IllegalArgumentException("--" + option.flag() + " must be " + (option == Option.SEED ? "0 or more" : "from " + option.min()
          + " to " + Integer.MAX_VALUE) + "; got " + value + ".");
    }
    EnumMap<Option, Long> next = given.isEmpty() ? new EnumMap<>(Option.class) : new EnumMap<>(given);
    next.put(option, value);
    return new MethodOptions(next);
  }

  /** These options less those outside {@code kept}: what a method that takes {@code kept} is made with. */
  public MethodOptions only(Set<Option> kept) {
    EnumMap<Option, Long> next = new EnumMap<>(Option.class);
    given.forEach((option, value) -> {
      if (kept.contains(option)) next.put(option, value);
    });
    return next.isEmpty() ? NONE : new MethodOptions(next);
  }

  /** The options that were given. */
  public Set<Option> given() {
    return given.keySet();
  }

  /** The value of a size-like option, or {@code fallback} when it was not given. */
  public int get(Option option, int fallback) {
    Long value = given.get(option);
    return value == null ? fallback : Math.toIntExact(value);
  }

  /** The seed, or {@code fallback} when none was given. */
  public long seed(long fallback) {
    return given.getOrDefault(Option.SEED, fallback);
  }

  @Override
  public String toString() {
    if (given.isEmpty()) return "defaults";
    StringBuilder s = new StringBuilder();
    given.forEach((o, v) -> s.append(s.length() == 0 ? "" : " ").append("--").append(o.flag()).append(' ').append(v));
    return s.toString();
  }
}
