package camlab.kernel;

import camlab.kernel.exec.Durations;
import java.time.Duration;
import java.util.Map;

/**
 * Run-time knobs, read from the environment (kernel.json's "env" sets them per kernelspec).
 *
 * @param cellTimeout {@code CAMLAB_CELL_TIMEOUT}: stop cells running longer (e.g. {@code 10m}); null = no limit
 * @param problems what was wrong with the environment, to print once at startup
 */
public record KernelSettings(Duration cellTimeout, String problems) {
  public static final String CELL_TIMEOUT = "CAMLAB_CELL_TIMEOUT";
  /** How long interrupted code may ignore the interrupt before the kernel force-stops it. */
  public static final Duration STOP_GRACE = Duration.ofSeconds(2);

  public static KernelSettings from(Map<String, String> env) {
    String raw = env.get(CELL_TIMEOUT);
    if (raw == null || raw.isBlank()) return new KernelSettings(null, null);
    try {
      return new KernelSettings(Durations.parse(raw), null);
    } catch (IllegalArgumentException e) {
      return new KernelSettings(null, CELL_TIMEOUT + " ignored: " + e.getMessage());
    }
  }
}
