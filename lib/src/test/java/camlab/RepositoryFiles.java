package camlab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** The checkout the tests run in: its root, and the files it tracks. */
final class RepositoryFiles {
  /** Folders that hold build output, caches or data, never sources: skipped when git cannot list the files. */
  private static final Set<String> UNTRACKED_FOLDERS = Set.of(".git", "target", ".cache", "out", "fashion-mnist", ".ipynb_checkpoints",
      ".idea", ".vscode", "node_modules");

  private RepositoryFiles() {}

  /** The nearest folder above the working directory with the {@code camlab} script and the README. */
  static Path root() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("camlab")) && Files.isRegularFile(dir.resolve("README.md"))) return dir;
    }
    throw new IllegalStateException("No CamLab checkout (a folder with the camlab script and README.md) above " + Path.of("").toAbsolutePath());
  }

  /**
   * The files git tracks, plus the untracked ones it does not ignore (what the next commit may add), relative to the
   * root; outside a git checkout, every file below the root except build output, caches and data.
   */
  static List<Path> tracked(Path root) {
    try {
      Process git = new ProcessBuilder("git", "ls-files", "-z", "--cached", "--others", "--exclude-standard")
          .directory(root.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      byte[] listing = git.getInputStream().readAllBytes();
      if (git.waitFor(60, TimeUnit.SECONDS) && git.exitValue() == 0) {
        return Stream.of(new String(listing, StandardCharsets.UTF_8).split("\0")).filter(s -> !s.isEmpty()).map(Path::of)
            .filter(p -> Files.isRegularFile(root.resolve(p))).distinct().toList();
      }
    } catch (IOException e) {
      // no git on this machine: walk the tree instead
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while listing the repository's files", e);
    }
    return walk(root);
  }

  private static List<Path> walk(Path root) {
    try (Stream<Path> all = Files.walk(root)) {
      return all.filter(Files::isRegularFile).map(root::relativize)
          .filter(p -> Stream.iterate(p.getParent(), d -> d != null, Path::getParent)
              .noneMatch(d -> UNTRACKED_FOLDERS.contains(d.getFileName().toString())))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
