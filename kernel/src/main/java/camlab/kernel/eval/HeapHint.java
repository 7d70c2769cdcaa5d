package camlab.kernel.eval;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/** What to say when the Java heap is full: how to free it, and a larger heap to ask for when the machine has room. */
final class HeapHint {
  private static final long GB = 1L << 30;
  private static final long MB = 1L << 20;

  private HeapHint() {}

  /**
   * @param maxHeap the heap's limit in bytes ({@code Runtime.maxMemory()})
   * @param physical the machine's memory in bytes, or 0 when unknown
   */
  static String text(long maxHeap, long physical) {
    String free = "Hint: the Java heap (" + size(maxHeap) + ") is full. Data kept in variables stays in memory: set large"
        + " ones to null (and close NDManagers you no longer need), or restart the kernel.";
    long larger = largerHeap(maxHeap, physical);
    if (larger == 0) {
      return free + " A larger heap would not fit: it already takes most of this machine's " + size(physical) + ".";
    }
    String flag = "-Xmx" + larger / GB + "g";
    return free + " For a larger heap, reinstall the kernel with " + flag + " (java -jar kernel/target/camlab-kernel.jar"
        + " install --jvm-opt " + flag + ") and restart it.";
  }

  /**
   * A heap clearly larger than {@code maxHeap}: twice as large, at least one GB more, in whole GB; at most three
   * quarters of the machine's memory (tensors live outside the heap). 0 when no larger heap fits.
   */
  static long largerHeap(long maxHeap, long physical) {
    long wanted = Math.max(2 * maxHeap, maxHeap + GB);
    long gb = (wanted + GB - 1) / GB;
    if (physical > 0) gb = Math.min(gb, physical * 3 / 4 / GB);
    return gb * GB > maxHeap ? gb * GB : 0;
  }

  static long physicalMemory() {
    try {
      if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
        return os.getTotalMemorySize();
      }
    } catch (RuntimeException | LinkageError e) {
      // unknown: the hint then does not cap its suggestion
    }
    return 0;
  }

  static String size(long bytes) {
    if (bytes >= GB) {
      double g = (double) bytes / GB;
      return String.format(Locale.ROOT, g == Math.rint(g) ? "%.0f GB" : "%.1f GB", g);
    }
    return bytes / MB + " MB";
  }
}
