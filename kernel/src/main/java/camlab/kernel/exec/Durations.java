package camlab.kernel.exec;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads and writes the short durations people type in settings: {@code 500ms}, {@code 90s}, {@code 10m}, {@code 1h}. */
public final class Durations {
  private static final Pattern FORM = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)?");

  private Durations() {}

  /**
   * Parses {@code text}; a bare number means seconds. {@code 0}, {@code off} and {@code none} mean "no limit"
   * and give {@code null}.
   *
   * @throws IllegalArgumentException with a message saying which forms are accepted
   */
  public static Duration parse(String text) {
    String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    if (t.equals("off") || t.equals("none")) return null;
    Matcher m = FORM.matcher(t);
    if (!m.matches()) {
      throw new IllegalArgumentException("'" + text + "' is not a duration: use e.g. 90s, 10m, 1h or 500ms (a bare number"
          + " means seconds; 0 or off means no limit).");
    }
    double amount = Double.parseDouble(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2);
    double millis = switch (unit) {
      case "ms" -> amount;
      case "m" -> amount * 60_000;
      case "h" -> amount * 3_600_000;
      default -> amount * 1000;
    };
    return millis <= 0 ? null : Duration.ofMillis(Math.round(millis));
  }

  /** "500 ms", "2 s", "1.5 s", "10 min", "1 h 30 min". */
  public static String format(Duration d) {
    if (d == null) return "no limit";
    long ms = d.toMillis();
    if (ms < 1000) return ms + " ms";
    if (ms < 60_000) {
      return ms % 1000 == 0 ? ms / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }
    long minutes = ms / 60_000;
    long seconds = (ms % 60_000) / 1000;
    if (minutes < 60) return minutes + " min" + (seconds == 0 ? "" : " " + seconds + " s");
    return minutes / 60 + " h" + (minutes % 60 == 0 ? "" : " " + minutes % 60 + " min");
  }
}
