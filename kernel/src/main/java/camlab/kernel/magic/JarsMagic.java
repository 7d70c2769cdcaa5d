package camlab.kernel.magic;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code %jars GLOB...}: adds the jar files matching each glob, or all jars of a folder. Warns when they hold several
 * versions of one library (a glob over a folder of downloads, say), or a library the kernel already has: classes then
 * come from whichever jar is first, which may not be the version meant.
 */
public final class JarsMagic implements LineMagic {
  @Override
  public String name() {
    return "jars";
  }

  @Override
  public String usage() {
    return "%jars GLOB... — add the jars matching each glob (e.g. lib/*.jar), or every jar in a folder";
  }

  @Override
  public String valueType() {
    return "java.util.List<String>";
  }

  /** @return the absolute paths of the jars added */
  @Override
  public Object run(List<String> args, MagicContext ctx) throws Exception {
    if (args.isEmpty()) throw new MagicError("%jars needs at least one jar, folder or glob, e.g. %jars lib/*.jar");
    List<Path> before = ctx.classpath();
    List<Path> added = new ArrayList<>();
    for (String arg : args) {
      List<Path> jars = new ArrayList<>();
      for (Path p : PathGlobs.expand(arg, ctx.workingDirectory())) {
        if (Files.isDirectory(p)) {
          jars.addAll(jarsIn(p));
        } else if (p.getFileName().toString().endsWith(".jar")) {
          jars.add(p);
        }
      }
      if (jars.isEmpty()) {
        throw new MagicError("%jars: no jar file matches '" + arg + "' (relative paths start at " + ctx.workingDirectory() + ").");
      }
      added.addAll(jars);
    }
    ClasspathEntries.checkAll("%jars", added);
    for (Path jar : added) ctx.addToClasspath(jar);
    System.out.println("Added " + added.size() + (added.size() == 1 ? " jar: " : " jars: ")
        + String.join(", ", added.stream().map(p -> p.getFileName().toString()).toList()));
    warnAboutVersions(added, before);
    return added.stream().map(p -> p.toAbsolutePath().toString()).toList();
  }

  /** Several versions of one artifact among {@code added}, or one the class path had before: a warning on stderr. */
  static void warnAboutVersions(List<Path> added, List<Path> before) {
    Map<String, List<Path>> byArtifact = new LinkedHashMap<>();
    Map<String, String> names = new LinkedHashMap<>();
    for (Path jar : added) {
      JarIdentity.of(jar).ifPresent(id -> {
        byArtifact.computeIfAbsent(id.artifactId(), k -> new ArrayList<>()).add(jar);
        names.put(id.artifactId(), id.key());
      });
    }
    byArtifact.forEach((artifact, jars) -> {
      if (jars.size() > 1) {
        System.err.println("Warning: " + jars.size() + " versions of " + names.get(artifact) + " are now on the class path ("
            + String.join(", ", jars.stream().map(p -> p.getFileName().toString()).toList()) + "). Classes come from the"
            + " first jar that has them (" + jars.get(0).getFileName() + "), which may not be the version you mean: add only"
            + " one, e.g. %jars " + jars.get(jars.size() - 1).getFileName() + " with its folder.");
      }
    });
    for (Path old : before) {
      JarIdentity.fromName(old).ifPresent(id -> {
        List<Path> clash = byArtifact.get(id.artifactId());
        if (clash == null || clash.contains(old)) return;
        String group = names.get(id.artifactId()).contains(":") ? names.get(id.artifactId()).split(":")[0] : "";
        if (!group.isEmpty() && !JarIdentity.sameGroup(old, group, id.artifactId())) return; // same name, another library
        String kept = old.getFileName().toString();
        System.err.println("Warning: " + names.get(id.artifactId()) + " was already on the class path (" + kept + "); its classes"
            + " come first, so the version just added (" + clash.get(0).getFileName() + ") is used only for classes " + kept
            + " lacks.");
      });
    }
  }

  private static List<Path> jarsIn(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList();
    }
  }
}
