package camlab.kernel.install;

import com.google.gson.GsonBuilder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The kernel.json Jupyter reads to start the kernel: absolute paths only, so every frontend can use it. */
public final class KernelSpec {
  private KernelSpec() {}

  /**
   * @param launch how to start the kernel class after the JVM options ({@code -jar JAR} or {@code -cp CP MAIN})
   * @param jvmArgs the JVM options: the project's DJL flags, then the user's {@code --jvm-opt}s (later flags win)
   */
  public static String json(InstallOptions options, Path java, List<String> jvmArgs, List<String> launch) {
    List<String> argv = new ArrayList<>();
    argv.add(java.toString());
    argv.addAll(jvmArgs);
    argv.addAll(launch);
    argv.add("{connection_file}");
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("argv", argv);
    spec.put("display_name", options.displayName());
    spec.put("language", "java");
    spec.put("interrupt_mode", "message");
    Map<String, String> env = new LinkedHashMap<>();
    // PyTorch's OpenMP threads spin while they wait, which starves other busy processes of their cores
    env.put("OMP_WAIT_POLICY", "PASSIVE");
    if (options.cellTimeout() != null) env.put(camlab.kernel.KernelSettings.CELL_TIMEOUT, options.cellTimeout());
    spec.put("env", env);
    return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(spec) + "\n";
  }
}
