package camlab.kernel.protocol;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** Message dates as the Jupyter protocol wants them: ISO 8601 in UTC with microseconds, e.g. 2026-12-07T00:05:12.345678Z. */
public final class Timestamps {
  private static final DateTimeFormatter ISO_MICROS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  private Timestamps() {}

  public static String now() {
    return format(Instant.now());
  }

  public static String format(Instant instant) {
    return ISO_MICROS.format(instant.truncatedTo(ChronoUnit.MICROS));
  }
}
