package camlab.kernel.magic.maven;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Resolves artifacts and their dependencies from a local Maven repository only, as Maven would for the class path
 * of code that uses them: compile and runtime scope, transitive dependencies of those (not test, provided, system or
 * optional ones), exclusions along the way, and the nearest version where two paths ask for different ones.
 */
public final class Resolver {
  /** An artifact to add, with the chain of artifacts that brought it in (empty for one asked for). */
  public record Found(Coordinates coordinates, Path jar, List<Coordinates> via) {}

  /**
   * A file that should be in the repository and is not, or a version that none there matches.
   *
   * @param problem what is wrong, worded to go before the path: "no jar at", "no POM at", "no version in [1,2) in"
   */
  public record Missing(Coordinates coordinates, String problem, Path path, List<Coordinates> via) {}

  /** An artifact the kernel's own class path already has (in {@code version}); it is not added again. */
  public record Provided(Coordinates coordinates, String kernelVersion, List<Coordinates> via) {}

  public record Resolution(List<Found> found, List<Missing> missing, List<Provided> provided) {}

  private final LocalRepository repo;
  private final Function<Coordinates, Optional<String>> kernelVersion;

  /** @param kernelVersion the version of an artifact already on the kernel's class path, if it is there */
  public Resolver(LocalRepository repo, Function<Coordinates, Optional<String>> kernelVersion) {
    this.repo = repo;
    this.kernelVersion = kernelVersion;
  }

  private record Step(Coordinates coordinates, Set<String> exclusions, List<Coordinates> via) {}

  public Resolution resolve(List<Coordinates> requests) {
    List<Found> found = new ArrayList<>();
    List<Missing> missing = new ArrayList<>();
    List<Provided> provided = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    Deque<Step> queue = new ArrayDeque<>();
    for (Coordinates r : requests) queue.add(new Step(r, Set.of(), List.of()));
    while (!queue.isEmpty()) {
      Step step = queue.poll();
      Coordinates asked = step.coordinates();
      if (!seen.add(asked.key())) continue; // nearest wins: a shorter path (or an earlier one) already decided it
      Optional<String> inKernel = kernelVersion.apply(asked);
      if (inKernel.isPresent()) {
        provided.add(new Provided(asked, inKernel.get(), step.via()));
        continue;
      }
      Optional<String> version = version(asked);
      if (version.isEmpty()) {
        String problem = asked.version().isEmpty() ? "no version in" : "no version in " + asked.version() + " in";
        missing.add(new Missing(asked, problem, repo.artifactFolder(asked), step.via()));
        continue;
      }
      Coordinates c = asked.withVersion(version.get());
      Pom pom;
      try {
        pom = Pom.load(repo, c);
      } catch (Pom.Unavailable e) {
        missing.add(new Missing(c, e.getMessage(), e.path, step.via()));
        continue;
      }
      if (c.hasJar()) {
        Path jar = repo.jar(c);
        if (!Files.isRegularFile(jar)) {
          missing.add(new Missing(c, "no jar at", jar, step.via()));
          continue;
        }
        found.add(new Found(c, jar, step.via()));
      }
      List<Coordinates> via = new ArrayList<>(step.via());
      via.add(c);
      for (Pom.Dependency d : pom.dependencies) {
        String scope = d.scope().isEmpty() ? "compile" : d.scope();
        if (!(scope.equals("compile") || scope.equals("runtime")) || d.optional()) continue;
        if (excluded(d.coordinates(), step.exclusions())) continue;
        Coordinates dc = d.coordinates();
        if (dc.version().isEmpty()) dc = dc.withVersion(pom.managedVersion(d));
        Set<String> exclusions = new HashSet<>(step.exclusions());
        exclusions.addAll(d.exclusions());
        queue.add(new Step(dc, exclusions, List.copyOf(via)));
      }
    }
    return new Resolution(found, missing, provided);
  }

  /** The version to use: the one given, the highest local one a range (or no version) allows. */
  private Optional<String> version(Coordinates c) {
    String v = c.version();
    if (!v.isEmpty() && !Versions.isRange(v)) return Optional.of(v);
    List<String> local = repo.versions(c.groupId(), c.artifactId());
    if (v.isEmpty()) return local.stream().max(Versions.ORDER);
    return Versions.pick(v, local);
  }

  private static boolean excluded(Coordinates c, Set<String> exclusions) {
    for (String e : exclusions) {
      String[] ga = e.split(":", 2);
      boolean group = ga[0].equals("*") || ga[0].equals(c.groupId());
      boolean artifact = ga.length < 2 || ga[1].equals("*") || ga[1].equals(c.artifactId());
      if (group && artifact) return true;
    }
    return false;
  }
}
