package camlab.kernel.install;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Records an AppCDS archive of the classes a kernel start loads (JShell's compiler, the base kernel, the
 * renderers), by running the kernel's start-up once with {@code -XX:ArchiveClassesAtExit}. Kernels started
 * with the archive map those classes instead of loading and verifying them, so they start sooner. The JVM checks the archive against the class path and JDK at every start and silently
 * does without it when they changed, so a stale archive costs speed, never correctness.
 */
final class ClassDataArchive {
  static final String FILE_NAME = "camlab-kernel.jsa";
  private static final long TIMEOUT_SECONDS = 180;

  private ClassDataArchive() {}

  /** The JVM option that uses {@code archive}. */
  static String useFlag(Path archive) {
    return "-XX:SharedArchiveFile=" + archive.toAbsolutePath();
  }

  /** Records the archive; empty on success, else what went wrong. */
  static Optional<String> record(Path java, List<String> jvmArgs, List<String> launch, Path archive) {
    List<String> cmd = new ArrayList<>();
    cmd.add(java.toString());
    cmd.addAll(jvmArgs);
    cmd.add("-XX:ArchiveClassesAtExit=" + archive.toAbsolutePath());
    cmd.addAll(launch);
    cmd.add("--warm-up");
    Path log = null;
    try {
      Files.deleteIfExists(archive);
      log = Files.createTempFile("camlab-cds", ".log");
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return Optional.of("the warm-up run took longer than " + TIMEOUT_SECONDS + " s");
      }
      if (p.exitValue() != 0 || !Files.isRegularFile(archive)) {
        List<String> lines = Files.readAllLines(log);
        String last = lines.isEmpty() ? "no output" : lines.get(lines.size() - 1);
        return Optional.of("the warm-up run failed with exit code " + p.exitValue() + ": " + last);
      }
      return Optional.empty();
    } catch (IOException e) {
      return Optional.of(e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of("interrupted");
    } finally {
      if (log != null) {
        try {
          Files.deleteIfExists(log);
        } catch (IOException ignored) {
          // a temp file left behind is harmless
        }
      }
    }
  }
}
