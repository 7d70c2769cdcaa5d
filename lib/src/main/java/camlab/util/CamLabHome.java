package camlab.util;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where CamLab keeps its data and caches.
 *
 * <p>The home is, in order: the system property {@code camlab.home}, the environment variable
 * {@code CAMLAB_HOME}, the nearest folder above the working directory that holds a CamLab checkout
 * (a {@code camlab} script next to {@code datasets/}), else {@code ~/.camlab}.
 */
public final class CamLabHome {
  private CamLabHome() {}

  public static Path root() {
    String configured = System.getProperty("camlab.home", System.getenv("CAMLAB_HOME"));
    if (configured != null && !configured.isBlank()) return Path.of(configured).toAbsolutePath().normalize();
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("camlab")) && Files.isDirectory(dir.resolve("datasets"))) return dir;
    }
    return Path.of(System.getProperty("user.home"), ".camlab");
  }

  /** {@code <home>/datasets}: fetched datasets. */
  public static Path datasets() {
    return root().resolve("datasets");
  }

  /** Caches (trained models): property {@code camlab.cache}, env {@code CAMLAB_CACHE}, else {@code <home>/.cache}. */
  public static Path cache() {
    String configured = System.getProperty("camlab.cache", System.getenv("CAMLAB_CACHE"));
    if (configured != null && !configured.isBlank()) return Path.of(configured).toAbsolutePath().normalize();
    return root().resolve(".cache");
  }

  /** Trained model checkpoints. */
  public static Path models() {
    return cache().resolve("models");
  }
}
