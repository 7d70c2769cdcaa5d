package camlab.kernel.install;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The kernel JVM's class path. Started with {@code java -jar camlab-kernel.jar}, the JVM loads the jars of
 * the manifest's Class-Path but reports only the kernel jar in {@code java.class.path}; JShell compiles
 * cells against {@code java.class.path}, so the kernel puts the full list there before it builds JShell.
 */
public final class KernelClassPath {
  private KernelClassPath() {}

  public static List<Path> entries() {
    return Arrays.stream(System.getProperty("java.class.path", "").split(File.pathSeparator))
        .filter(s -> !s.isBlank()).map(Path::of).toList();
  }

  /** Adds the kernel jar's manifest Class-Path to {@code java.class.path} when the JVM was started with -jar. */
  public static void includeManifestClassPath() {
    List<Path> current = entries();
    if (current.size() != 1 || !current.get(0).toString().endsWith(".jar")) return;
    List<Path> all = new ArrayList<>(current);
    all.addAll(manifestClassPath(current.get(0).toAbsolutePath()));
    System.setProperty("java.class.path", String.join(File.pathSeparator, all.stream().map(Path::toString).toList()));
  }

  /** The absolute paths a jar's manifest Class-Path names (relative URLs, resolved against the jar's folder). */
  public static List<Path> manifestClassPath(Path jar) {
    if (!Files.isRegularFile(jar)) return List.of();
    try (JarFile jf = new JarFile(jar.toFile())) {
      Manifest m = jf.getManifest();
      String cp = m == null ? null : m.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
      if (cp == null || cp.isBlank()) return List.of();
      URI base = jar.getParent().toUri();
      List<Path> out = new ArrayList<>();
      for (String entry : cp.strip().split("\\s+")) out.add(Path.of(base.resolve(entry))); // entries are relative URLs
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the manifest of " + jar, e);
    }
  }
}
