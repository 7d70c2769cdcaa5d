package camlab.exercises.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** The git queries grading and releasing need, through the {@code git} command (no library: it is always installed where git is). */
public final class Git {
  private Git() {}

  /** True if {@code dir} is inside a git work tree and {@code git} can be run. */
  static boolean isCheckout(Path dir) {
    return run(dir, List.of("rev-parse", "--is-inside-work-tree")).map(out -> out.strip().equals("true")).orElse(false);
  }

  /** The committed content of {@code pathInRepo} at HEAD, or empty if it is not in HEAD. */
  static Optional<String> showHead(Path root, String pathInRepo) {
    return run(root, List.of("show", "HEAD:" + pathInRepo));
  }

  /** The files committed at HEAD, as paths relative to {@code root}; empty if {@code root} is not a git checkout. */
  public static Optional<List<String>> trackedFiles(Path root) {
    return run(root, List.of("ls-tree", "-r", "--name-only", "-z", "HEAD"))
        .map(out -> java.util.Arrays.stream(out.split("\0")).filter(f -> !f.isEmpty()).toList());
  }

  /** Writes the committed content of {@code files} (at HEAD) into the folder {@code out}, keeping their paths and modes. */
  public static void export(Path root, List<String> files, Path out) throws IOException {
    Path tar = java.nio.file.Files.createTempFile("camlab-release", ".tar");
    try {
      List<String> archive = new java.util.ArrayList<>(List.of("archive", "--format=tar", "-o", tar.toString(), "HEAD", "--"));
      archive.addAll(files);
      if (run(root, archive).isEmpty()) throw new IOException("git archive failed in " + root);
      Process p = new ProcessBuilder("tar", "-xf", tar.toString(), "-C", out.toString()).redirectErrorStream(true).start();
      String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (p.waitFor() != 0) throw new IOException("tar could not unpack the release into " + out + ": " + log.strip());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } finally {
      java.nio.file.Files.deleteIfExists(tar);
    }
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
