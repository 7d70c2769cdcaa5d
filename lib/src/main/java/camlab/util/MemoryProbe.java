package camlab.util;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
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

  /**
   * Asks glibc's malloc to give the free memory it holds back to the system ({@code malloc_trim(0)}) and
   * returns whether it could. Freed tensors stay in malloc's free lists and count in the RSS; after this
   * call the RSS holds what is still allocated, which tells a bounded allocator cache from a leak. False
   * where the C library has no {@code malloc_trim} (musl, macOS) — nothing is done there.
   */
  public static boolean releaseFreeNativeMemory() {
    try {
      Function trim = NativeLibrary.getInstance("c").getFunction("malloc_trim");
      trim.invokeInt(new Object[] {0});
      return true;
    } catch (LinkageError e) { // no such library or symbol, or JNA's own native part missing
      return false;
    }
  }

  /**
   * How often the JVM itself trims the native heap ({@code -XX:TrimNativeHeapInterval}, JDK 17.0.9 and later), in
   * milliseconds: 0 when it does not (the flag is off, or this JDK does not have it).
   */
  public static long nativeHeapTrimIntervalMs() {
    try {
      HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
      return vm == null ? 0 : Long.parseLong(vm.getVMOption("TrimNativeHeapInterval").getValue());
    } catch (IllegalArgumentException e) { // no such option (older JDK); NumberFormatException is one too
      return 0;
    }
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
