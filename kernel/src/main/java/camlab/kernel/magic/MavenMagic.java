package camlab.kernel.magic;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code %maven GROUP:ARTIFACT[:VERSION]...}: this kernel never downloads at run time (the course works
 * offline and its dependencies come from the Maven build), so the magic only confirms that an artifact is
 * already on the class path, and otherwise says how to get it there.
 */
public final class MavenMagic implements LineMagic {
  @Override
  public String name() {
    return "maven";
  }

  @Override
  public String usage() {
    return "%maven GROUP:ARTIFACT[:VERSION] — check that a dependency is on the kernel's class path (no downloads)";
  }

  @Override
  public void run(List<String> args, MagicContext ctx) throws Exception {
    if (args.isEmpty()) throw new MagicError("%maven needs coordinates, e.g. %maven ai.djl:api:0.36.0");
    List<String> missing = new ArrayList<>();
    for (String coordinates : args) {
      String[] parts = coordinates.split(":");
      if (parts.length < 2) {
        throw new MagicError("%maven: '" + coordinates + "' is not GROUP:ARTIFACT[:VERSION], e.g. ai.djl:api:0.36.0");
      }
      String artifact = parts[1];
      String version = parts.length >= 3 ? parts[parts.length - 1] : null;
      Optional<Path> jar = findJar(ctx.classpath(), artifact);
      if (jar.isEmpty()) {
        missing.add(coordinates);
        continue;
      }
      String name = jar.get().getFileName().toString();
      String found = name.substring(artifact.length() + 1, name.length() - ".jar".length());
      String note = version == null || found.startsWith(version) ? "" : " (version " + found + ", not " + version + ")";
      System.out.println(parts[0] + ":" + artifact + " is already on the kernel's class path as " + name + note
          + "; nothing to download.");
    }
    if (!missing.isEmpty()) {
      throw new MagicError("%maven cannot download " + String.join(", ", missing) + ": this kernel works offline and its"
          + " class path comes from the course build (kernel/pom.xml). Ask for the dependency to be added there (then"
          + " rebuild and reinstall the kernel), or put a local jar on the class path with %jars path/to/library.jar.");
    }
  }

  /** The jar named {@code artifact-<version>.jar} on the class path. */
  static Optional<Path> findJar(List<Path> classpath, String artifact) {
    return classpath.stream().filter(p -> {
      String n = p.getFileName() == null ? "" : p.getFileName().toString();
      return n.endsWith(".jar") && n.startsWith(artifact + "-") && n.length() > artifact.length() + 1
          && Character.isDigit(n.charAt(artifact.length() + 1));
    }).findFirst();
  }
}
