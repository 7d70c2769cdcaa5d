package camlab.util;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resident memory of this process, from {@code /proc/self/status} (Linux); −1 where unavailable. */
public final class MemoryProbe {
  private MemoryProbe() {}

  /** Current resident set size in bytes (VmRSS). */
  public static long residentBytes() {
    return statusField("VmRSS:");
  }

  /** Peak resident set size in bytes (VmHWM). */
  public static long peakResidentBytes() {
    return statusField("VmHWM:");
  }

  private static long statusField(String name) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith(name)) {
          String[] parts = line.substring(name.length()).trim().split("\\s+");
          return Long.parseLong(parts[0]) * 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }
}
