package camlab.kernel.magic;

import camlab.kernel.magic.maven.Coordinates;
import camlab.kernel.magic.maven.LocalRepository;
import camlab.kernel.magic.maven.Resolver;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code %maven GROUP:ARTIFACT[:PACKAGING[:CLASSIFIER]]:VERSION...}: adds artifacts and their dependencies from the
 * local Maven repository ({@link LocalRepository#standard()}), reading the POMs there ({@link Resolver}). The kernel
 * never downloads: when a file is missing it says exactly which, and where it should be, and adds nothing, so no cell
 * runs against half a library. Artifacts the kernel's class path already has are not added twice.
 */
public final class MavenMagic implements LineMagic {
  private final LocalRepository repository;

  public MavenMagic() {
    this(LocalRepository.standard());
  }

  MavenMagic(LocalRepository repository) {
    this.repository = repository;
  }

  @Override
  public String name() {
    return "maven";
  }

  @Override
  public String usage() {
    return "%maven GROUP:ARTIFACT[:VERSION]... — add artifacts and their dependencies from the local Maven repository"
        + " (no downloads)";
  }

  @Override
  public String valueType() {
    return "java.util.List<String>";
  }

  @Override
  public Object run(List<String> args, MagicContext ctx) throws Exception {
    if (args.isEmpty()) throw new MagicError("%maven needs coordinates, e.g. %maven org.apache.commons:commons-lang3:3.14.0");
    List<Coordinates> requests = new ArrayList<>();
    for (String arg : args) {
      try {
        requests.add(Coordinates.parse(arg));
      } catch (IllegalArgumentException e) {
        throw new MagicError("%maven: " + e.getMessage());
      }
    }
    List<Path> classpath = ctx.classpath();
    Resolver.Resolution r = new Resolver(repository, c -> versionOnClasspath(classpath, c)).resolve(requests);
    if (!r.missing().isEmpty()) throw new MagicError(missingMessage(r.missing()));
    ClasspathEntries.checkAll("%maven", r.found().stream().map(Resolver.Found::jar).toList());
    List<String> added = new ArrayList<>();
    for (Resolver.Found f : r.found()) {
      ctx.addToClasspath(f.jar());
      added.add(f.jar().toString());
    }
    report(r);
    return added;
  }

  private void report(Resolver.Resolution r) {
    if (!r.found().isEmpty()) {
      System.out.println("Added " + r.found().size() + (r.found().size() == 1 ? " jar" : " jars") + " from the local Maven"
          + " repository (" + repository.root() + "):");
      for (Resolver.Found f : r.found()) System.out.println("  " + f.coordinates() + via(f.via()));
    }
    for (Resolver.Provided p : r.provided()) {
      String asked = p.coordinates().version();
      if (asked.isEmpty() || asked.equals(p.kernelVersion())) {
        System.out.println(p.coordinates().key() + " " + p.kernelVersion() + " is on the kernel's class path already"
            + via(p.via()) + ".");
      } else {
        System.out.println("Note: " + p.coordinates().key() + " is on the kernel's class path in version " + p.kernelVersion()
            + " (asked: " + asked + ")" + via(p.via()) + "; cells use the kernel's version.");
      }
    }
  }

  private String missingMessage(List<Resolver.Missing> missing) {
    String list = missing.stream().map(m -> "  " + m.coordinates() + via(m.via()) + ": " + m.problem() + " " + m.path())
        .collect(Collectors.joining("\n"));
    Coordinates first = missing.get(0).coordinates();
    return "%maven added nothing: " + (missing.size() == 1 ? "a file it needs is" : missing.size() + " files it needs are")
        + " missing from the local Maven repository, and this kernel never downloads:\n" + list
        + "\nFetch them where there is a network (e.g. mvn dependency:get -Dartifact=" + first.groupId() + ":"
        + first.artifactId() + ":" + (first.version().isEmpty() ? "VERSION" : first.version()) + "), then run this cell again;"
        + " or put local jars on the class path with %jars.";
  }

  private static String via(List<Coordinates> chain) {
    if (chain.isEmpty()) return "";
    return " (needed by " + chain.stream().map(Coordinates::toString).collect(Collectors.joining(" → ")) + ")";
  }

  /**
   * The version of {@code c} on the class path: a jar named {@code artifact-VERSION[-classifier].jar} whose Maven
   * descriptor (when it has one) names the same group.
   */
  static Optional<String> versionOnClasspath(List<Path> classpath, Coordinates c) {
    String prefix = c.artifactId() + "-";
    String suffix = (c.classifier().isEmpty() ? "" : "-" + c.classifier()) + ".jar";
    for (Path p : classpath) {
      String n = p.getFileName() == null ? "" : p.getFileName().toString();
      if (!n.startsWith(prefix) || !n.endsWith(suffix) || n.length() <= prefix.length() + suffix.length()) continue;
      String version = n.substring(prefix.length(), n.length() - suffix.length());
      if (Character.isDigit(version.charAt(0)) && JarIdentity.sameGroup(p, c.groupId(), c.artifactId())) return Optional.of(version);
    }
    return Optional.empty();
  }
}
