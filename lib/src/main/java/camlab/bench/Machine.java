package camlab.bench;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a benchmark ran on: cores, CPU model, load, engine and its thread counts, allocator settings, device. */
public final class Machine {
  private Machine() {}

  public static Map<String, Object> describe(Device device) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("cores", Runtime.getRuntime().availableProcessors());
    m.put("cpu", firstLine("/proc/cpuinfo", "model name").map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown"));
    m.put("loadAverage", loadAverage());
    m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
    m.put("engine", Engine.getInstance().getEngineName() + " " + Engine.getInstance().getVersion());
    m.put("intraOpThreads", engineThreads(false));
    m.put("interOpThreads", engineThreads(true));
    m.put("ompWaitPolicy", String.valueOf(System.getenv("OMP_WAIT_POLICY")));
    m.put("glibcTunables", String.valueOf(System.getenv("GLIBC_TUNABLES"))); // malloc's settings: they decide the page faults
    m.put("device", device.toString());
    return m;
  }

  /** The 1, 5 and 15-minute load averages from /proc/loadavg ("unknown" elsewhere). */
  public static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  /** PyTorch's intra-op (or inter-op) thread count; −1 for another engine. */
  public static int engineThreads(boolean interOp) {
    if (!"PyTorch".equals(Engine.getInstance().getEngineName())) return -1;
    return interOp ? ai.djl.pytorch.jni.JniUtils.getNumInteropThreads() : ai.djl.pytorch.jni.JniUtils.getNumThreads();
  }

  private static java.util.Optional<String> firstLine(String file, String prefix) {
    try {
      return Files.readAllLines(Path.of(file)).stream().filter(l -> l.startsWith(prefix)).findFirst();
    } catch (IOException e) {
      return java.util.Optional.empty();
    }
  }
}
