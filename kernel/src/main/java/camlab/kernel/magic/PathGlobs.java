package camlab.kernel.magic;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Paths as magics take them: relative to the notebook folder, {@code ~} for home, globs such as {@code lib/*.jar}. */
final class PathGlobs {
  private PathGlobs() {}

  static boolean hasGlob(String s) {
    return s.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
  }

  static Path resolve(String arg, Path cwd) {
    String p = arg;
    if (p.equals("~") || p.startsWith("~/")) p = System.getProperty("user.home") + p.substring(1);
    return cwd.resolve(p).normalize();
  }

  /** Existing paths matching {@code pattern}, sorted; a pattern without glob characters matches itself if it exists. */
  static List<Path> expand(String pattern, Path cwd) throws IOException {
    String p = pattern.replace('\\', '/');
    if (!hasGlob(p)) {
      Path path = resolve(p, cwd);
      return Files.exists(path) ? List.of(path) : List.of();
    }
    String[] segments = p.split("/", -1);
    int firstGlob = 0;
    while (!hasGlob(segments[firstGlob])) firstGlob++;
    String base = String.join("/", java.util.Arrays.copyOfRange(segments, 0, firstGlob));
    if (base.isEmpty() && p.startsWith("/")) base = "/";
    String rest = String.join("/", java.util.Arrays.copyOfRange(segments, firstGlob, segments.length));
    Path dir = resolve(base.isEmpty() ? "." : base, cwd);
    if (!Files.isDirectory(dir)) return List.of();
    PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + rest);
    int depth = rest.contains("**") ? Integer.MAX_VALUE : segments.length - firstGlob;
    List<Path> out = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(dir, depth)) {
      walk.filter(path -> !path.equals(dir) && matcher.matches(dir.relativize(path))).sorted().forEach(out::add);
    }
    return out;
  }
}
