package camlab.kernel;

import camlab.kernel.exec.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Run-time knobs, read from the environment (kernel.json's "env" sets them per kernelspec).
 *
 * @param cellTimeout {@code CAMLAB_CELL_TIMEOUT}: stop cells running longer (e.g. {@code 10m}); null = no limit
 * @param outputLimit {@code CAMLAB_OUTPUT_LIMIT}: bytes of output a cell shows per stream (e.g. {@code 2MB}); past it
 *     the rest is counted and its last lines shown when the cell ends
 * @param problems what was wrong with the environment, to print once at startup, or null
 */
public record KernelSettings(Duration cellTimeout, long outputLimit, String problems) {
  public static final String CELL_TIMEOUT = "CAMLAB_CELL_TIMEOUT";
  public static final String OUTPUT_LIMIT = "CAMLAB_OUTPUT_LIMIT";
  /** How long interrupted code may ignore the interrupt before the kernel force-stops it. */
  public static final Duration STOP_GRACE = Duration.ofSeconds(2);
  /** Enough for every line a course cell prints and then some; a 20,000-line log (about 0.5 MB) fits whole. */
  public static final long DEFAULT_OUTPUT_LIMIT = 2_000_000;

  private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(b|kb?|mb?|gb?)?");

  public static KernelSettings from(Map<String, String> env) {
    List<String> problems = new ArrayList<>();
    Duration timeout = null;
    String rawTimeout = env.get(CELL_TIMEOUT);
    if (rawTimeout != null && !rawTimeout.isBlank()) {
      try {
        timeout = Durations.parse(rawTimeout);
      } catch (IllegalArgumentException e) {
        problems.add(CELL_TIMEOUT + " ignored: " + e.getMessage());
      }
    }
    long limit = DEFAULT_OUTPUT_LIMIT;
    String rawLimit = env.get(OUTPUT_LIMIT);
    if (rawLimit != null && !rawLimit.isBlank()) {
      try {
        limit = bytes(rawLimit);
      } catch (IllegalArgumentException e) {
        problems.add(OUTPUT_LIMIT + " ignored: " + e.getMessage());
      }
    }
    return new KernelSettings(timeout, limit, problems.isEmpty() ? null : String.join("; ", problems));
  }

  /** {@code 2MB}, {@code 500kb}, {@code 1g}, {@code 4096} (bytes); {@code off} or {@code 0}: no limit. */
  static long bytes(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    if (t.equals("off") || t.equals("none")) return Long.MAX_VALUE;
    Matcher m = SIZE.matcher(t);
    if (!m.matches()) {
      throw new IllegalArgumentException("'" + text + "' is not a size: use e.g. 2MB, 500KB or 1GB (a bare number means"
          + " bytes; 0 or off means no limit).");
    }
    double amount = Double.parseDouble(m.group(1));
    String unit = m.group(2) == null ? "b" : m.group(2).substring(0, 1);
    double factor = switch (unit) {
      case "k" -> 1e3;
      case "m" -> 1e6;
      case "g" -> 1e9;
      default -> 1;
    };
    long n = Math.round(amount * factor);
    return n <= 0 ? Long.MAX_VALUE : n;
  }
}
