package camlab.kernel.install;

import java.nio.file.Path;
import java.util.Map;

/** Where Jupyter looks for kernelspecs, the way jupyter_core computes it. */
public final class JupyterDirs {
  private JupyterDirs() {}

  /** {@code <data dir>/kernels} for a per-user install, or {@code <prefix>/share/jupyter/kernels}. */
  public static Path kernelsDir(Path prefix, Map<String, String> env, String osName, Path home) {
    if (prefix != null) return prefix.resolve("share").resolve("jupyter").resolve("kernels");
    return userDataDir(env, osName, home).resolve("kernels");
  }

  static Path userDataDir(Map<String, String> env, String osName, Path home) {
    String explicit = env.get("JUPYTER_DATA_DIR");
    if (explicit != null && !explicit.isBlank()) return Path.of(explicit).toAbsolutePath();
    if (osName.startsWith("Mac")) return home.resolve("Library").resolve("Jupyter");
    if (osName.startsWith("Windows")) {
      String appData = env.get("APPDATA");
      return appData != null && !appData.isBlank() ? Path.of(appData, "jupyter") : home.resolve("AppData").resolve("Roaming").resolve("jupyter");
    }
    String xdg = env.get("XDG_DATA_HOME");
    Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".local").resolve("share");
    return base.resolve("jupyter");
  }
}
