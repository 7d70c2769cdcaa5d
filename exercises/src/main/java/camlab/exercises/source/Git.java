package camlab.exercises.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** The two git queries grading needs, through the {@code git} command (no library: it is always installed where git is). */
final class Git {
  private Git() {}

  /** True if {@code dir} is inside a git work tree and {@code git} can be run. */
  static boolean isCheckout(Path dir) {
    return run(dir, List.of("rev-parse", "--is-inside-work-tree")).map(out -> out.strip().equals("true")).orElse(false);
  }

  /** The committed content of {@code pathInRepo} at HEAD, or empty if it is not in HEAD. */
  static Optional<String> showHead(Path root, String pathInRepo) {
    return run(root, List.of("show", "HEAD:" + pathInRepo));
  }

  private static Optional<String> run(Path dir, List<String> args) {
    List<String> command = new java.util.ArrayList<>(List.of("git", "-C", dir.toString()));
    command.addAll(args);
    try {
      Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      byte[] out;
      try (InputStream in = p.getInputStream()) {
        out = in.readAllBytes();
      }
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return Optional.empty();
      }
      return p.exitValue() == 0 ? Optional.of(new String(out, StandardCharsets.UTF_8)) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
