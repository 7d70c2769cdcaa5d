package camlab.exercises.grading;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import camlab.exercises.cell.NotSolvedYet;
import camlab.exercises.cell.NotebookImports;
import camlab.exercises.registry.Exercise;
import camlab.exercises.sandbox.CellServer;

/**
 * The class path of a cell JVM: the grading JVM's own, without any folder or jar of the grading code (package
 * {@code camlab.exercises}, tests and their fixtures included) — no grader, contract, expected value or solution is
 * ever loadable by a cell — plus a small folder holding the cell JVM's runtime
 * ({@code camlab.exercises.sandbox}, {@link NotSolvedYet}, {@link NotebookImports}), copied out of the grading code.
 */
final class CellClasspath {
  private static final String SANDBOX_PACKAGE = CellServer.class.getPackageName().replace('.', '/') + "/";

  private final Path runtimeDir;
  private final List<Path> inherited;

  private CellClasspath(Path runtimeDir, List<Path> inherited) {
    this.runtimeDir = runtimeDir;
    this.inherited = List.copyOf(inherited);
  }

  /**
   * From {@code classpath} (the grading JVM's), without the grading code; the runtime is written into
   * {@code runtimeDir}.
   */
  static CellClasspath assemble(String classpath, Path runtimeDir) {
    List<Path> inherited = new ArrayList<>();
    for (Path entry : expand(classpath)) {
      if (!holdsGradingCode(entry)) inherited.add(entry);
    }
    writeRuntime(runtimeDir);
    return new CellClasspath(runtimeDir, inherited);
  }

  /** The class path of a compiler JVM: the runtime and the inherited entries. */
  List<Path> entries() {
    List<Path> entries = new ArrayList<>();
    entries.add(runtimeDir);
    entries.addAll(inherited);
    return entries;
  }

  /** The class path of a cell JVM for {@code exercises}: no location holding one of their graders or contracts either. */
  List<Path> entriesFor(Collection<Exercise> exercises) {
    Set<Path> excluded = new HashSet<>();
    for (Exercise exercise : exercises) {
      excluded.add(location(exercise.grader()));
      excluded.add(location(exercise.contract().type()));
    }
    List<Path> entries = new ArrayList<>();
    entries.add(runtimeDir);
    for (Path entry : inherited) if (!excluded.contains(entry)) entries.add(entry);
    return entries;
  }

  static String asString(List<Path> entries) {
    return String.join(File.pathSeparator, entries.stream().map(Path::toString).toList());
  }

  /** The class path's entries, with the {@code Class-Path} of every jar followed (a kernel started by {@code java -jar}). */
  static List<Path> expand(String classpath) {
    Set<Path> out = new LinkedHashSet<>();
    for (String entry : classpath.split(File.pathSeparator)) {
      if (!entry.isBlank()) addWithManifest(Paths.get(entry).toAbsolutePath().normalize(), out);
    }
    return new ArrayList<>(out);
  }

  private static void addWithManifest(Path entry, Set<Path> out) {
    if (!out.add(entry) || !entry.toString().endsWith(".jar") || !Files.isRegularFile(entry)) return;
    try (JarFile jar = new JarFile(entry.toFile())) {
      Manifest manifest = jar.getManifest();
      String classPath = manifest == null ? null : manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
      if (classPath == null) return;
      for (String relative : classPath.trim().split("\\s+")) {
        if (!relative.isEmpty()) addWithManifest(entry.getParent().resolve(relative).normalize(), out);
      }
    } catch (IOException e) {
      // an unreadable jar stays on the class path as given; the JVM reports it
    }
  }

  /** True for a folder or jar with classes or resources of {@code camlab.exercises} (graders, fixtures, solutions in tests). */
  private static boolean holdsGradingCode(Path entry) {
    String prefix = "camlab/exercises/";
    if (Files.isDirectory(entry)) return Files.isDirectory(entry.resolve(prefix));
    if (!Files.isRegularFile(entry)) return false;
    try (JarFile jar = new JarFile(entry.toFile())) {
      for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements();) {
        if (e.nextElement().getName().startsWith(prefix)) return true;
      }
      return false;
    } catch (IOException e) {
      return false;
    }
  }

  /** The class-path entry (folder or jar) that {@code type} was loaded from. */
  static Path location(Class<?> type) {
    CodeSource source = type.getProtectionDomain().getCodeSource();
    if (source == null) throw new IllegalStateException(type + " has no code source");
    try {
      return Paths.get(source.getLocation().toURI()).toAbsolutePath().normalize();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Copies the cell JVM's runtime classes out of the grading code's folder or jar. */
  private static void writeRuntime(Path dir) {
    try {
      Set<String> names = new LinkedHashSet<>();
      names.add(resourceName(NotSolvedYet.class));
      names.add(resourceName(NotebookImports.class));
      Path home = location(CellServer.class);
      if (Files.isDirectory(home)) {
        try (Stream<Path> files = Files.list(home.resolve(SANDBOX_PACKAGE))) {
          files.filter(f -> f.toString().endsWith(".class")).forEach(f -> names.add(SANDBOX_PACKAGE + f.getFileName()));
        }
      } else {
        try (JarFile jar = new JarFile(home.toFile())) {
          for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements();) {
            String name = e.nextElement().getName();
            if (name.startsWith(SANDBOX_PACKAGE) && name.endsWith(".class") && name.indexOf('/', SANDBOX_PACKAGE.length()) < 0) names.add(name);
          }
        }
      }
      for (String name : names) {
        Path target = dir.resolve(name);
        Files.createDirectories(target.getParent());
        try (InputStream in = CellServer.class.getClassLoader().getResourceAsStream(name)) {
          if (in == null) throw new IllegalStateException("the grading code lacks " + name);
          Files.copy(in, target);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not set up the cell JVMs' runtime in " + dir + ": " + e.getMessage(), e);
    }
  }

  private static String resourceName(Class<?> type) {
    return type.getName().replace('.', '/') + ".class";
  }
}
