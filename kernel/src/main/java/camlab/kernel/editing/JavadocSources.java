package camlab.kernel.editing;

import camlab.kernel.exec.KernelAgent;
import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Field;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.logging.Logger;
import java.util.stream.Stream;
import jdk.jshell.SourceCodeAnalysis;

/**
 * Lets Shift-Tab show Javadoc for the libraries a build ships, not only for the JDK. JShell reads Javadoc from source
 * files, and by itself only from the JDK's {@code src.zip}; a build puts source jars into a {@code docs/} folder next
 * to the jar the kernel starts from (the kernel's own: the notebook API; a course's: also its libraries), and this
 * hands JShell those plus {@code src.zip}.
 *
 * <p>JShell has no public setting for it: this sets its source list ({@code SourceCodeAnalysisImpl}'s override,
 * which it checks before looking for {@code src.zip}), opening the package with the kernel agent's
 * instrumentation. Where that is not possible (no agent, a JDK without the field) Shift-Tab still shows signatures,
 * and JShell's own JDK Javadoc as before.
 */
public final class JavadocSources {
  private static final Logger LOG = Logger.getLogger(JavadocSources.class.getName());
  private static final String IMPL = "jdk.jshell.SourceCodeAnalysisImpl";
  private static final String FIELD = "availableSourcesOverride";

  private JavadocSources() {}

  /** Gives JShell the JDK's and the shipped source archives; returns how many archives it now reads. */
  public static int install(SourceCodeAnalysis analysis) {
    List<Path> archives = shippedArchives();
    if (archives.isEmpty()) return 0;
    try {
      Class<?> impl = Class.forName(IMPL, false, SourceCodeAnalysis.class.getClassLoader());
      if (!open(impl)) return 0;
      List<Path> roots = new ArrayList<>(jdkSourceRoots());
      for (Path archive : archives) roots.add(root(archive));
      Field f = impl.getDeclaredField(FIELD);
      f.setAccessible(true);
      f.set(null, roots);
      return archives.size();
    } catch (ReflectiveOperationException | RuntimeException | IOException e) {
      LOG.warning("Shift-Tab shows no Javadoc for the shipped sources: " + e);
      return 0;
    }
  }

  /**
   * The source jars in {@code docs/} next to the jar (or class folder) the JVM started from, the first entry of its
   * class path, and next to the kernel's own; one per file name.
   */
  static List<Path> shippedArchives() {
    Map<String, Path> byName = new TreeMap<>();
    for (Path docs : docsFolders()) {
      try (Stream<Path> files = Files.list(docs)) {
        files.filter(p -> p.getFileName().toString().endsWith(".jar")).forEach(p -> byName.putIfAbsent(p.getFileName().toString(), p));
      } catch (IOException | RuntimeException e) {
        LOG.fine("cannot list " + docs + ": " + e);
      }
    }
    return List.copyOf(byName.values());
  }

  private static List<Path> docsFolders() {
    Set<Path> folders = new LinkedHashSet<>();
    String classPath = System.getProperty("java.class.path", "");
    String first = classPath.split(java.io.File.pathSeparator, 2)[0];
    try {
      if (!first.isBlank()) folders.add(Path.of(first).toAbsolutePath().getParent().resolve("docs"));
      Path code = Path.of(JavadocSources.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      folders.add(code.toAbsolutePath().getParent().resolve("docs"));
    } catch (URISyntaxException | RuntimeException e) {
      LOG.fine("cannot locate the kernel's code: " + e);
    }
    folders.removeIf(f -> !Files.isDirectory(f));
    return new ArrayList<>(folders);
  }

  private static boolean open(Class<?> impl) {
    Module jshell = impl.getModule();
    Module kernel = JavadocSources.class.getModule();
    if (jshell.isOpen(impl.getPackageName(), kernel)) return true;
    Instrumentation inst = KernelAgent.instrumentation();
    if (inst == null || !inst.isModifiableModule(jshell)) return false;
    inst.redefineModule(jshell, Set.of(), Map.of(), Map.of(impl.getPackageName(), Set.of(kernel)), Set.of(), Map.of());
    return true;
  }

  /** The roots JShell itself would use for the JDK: one per module of a modular src.zip. */
  private static List<Path> jdkSourceRoots() throws IOException {
    Path home = Path.of(System.getProperty("java.home"));
    Path srcZip = home.resolve("lib").resolve("src.zip");
    if (!Files.isReadable(srcZip)) srcZip = home.getParent().resolve("src.zip");
    if (!Files.isReadable(srcZip)) return List.of();
    Path root = root(srcZip);
    if (Files.exists(root.resolve("java/lang/Object.java"))) return List.of(root);
    try (Stream<Path> modules = Files.list(root)) {
      return modules.filter(Files::isDirectory).toList();
    }
  }

  private static Path root(Path archive) throws IOException {
    FileSystem fs = FileSystems.newFileSystem(URI.create("jar:" + archive.toUri()), Map.of());
    return fs.getRootDirectories().iterator().next();
  }
}
