package camlab.exercises.source;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** The repository root: the folder holding {@code mvnw}, where {@code notebooks/} and {@code solutions/} live. */
public final class RepoRoot {
  private RepoRoot() {}

  /**
   * {@code -Dcamlab.root}, else Maven's {@code maven.multiModuleProjectDirectory}, else the first folder
   * holding {@code mvnw} at or above the working directory (the kernel runs inside {@code notebooks/}).
   */
  public static Path find() {
    for (String property : new String[] {"camlab.root", "maven.multiModuleProjectDirectory"}) {
      String value = System.getProperty(property);
      if (value != null && !value.isBlank() && !value.contains("${") && Files.isRegularFile(Paths.get(value, "mvnw"))) {
        return Paths.get(value).toAbsolutePath().normalize();
      }
    }
    Path start = Paths.get(System.getProperty("user.dir")).toAbsolutePath();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("mvnw"))) return dir;
    }
    throw new IllegalStateException("cannot find the CamLab repository (a folder holding mvnw) at or above " + start
        + "; run from inside the repository or pass -Dcamlab.root=/path/to/camlab");
  }
}
