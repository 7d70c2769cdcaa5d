package camlab.exercises.grading;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The operating-system wall around a cell JVM. With bubblewrap ({@code bwrap}, Debian's {@code bubblewrap}) the JVM
 * sees the file system read-only and only the paths it needs (the JDK, its class path, DJL's native library), a
 * small private {@code /tmp} as the one writable place, no network, and its own process tree, which dies with it.
 * Without bubblewrap — macOS, or a Linux that forbids user namespaces — the cell JVM runs as a plain process and
 * only the class-file policy ({@link CellPolicy}) and the process-tree kill keep a cell in its row.
 *
 * <p>{@code -Dcamlab.grade.sandbox=auto} (default) uses bubblewrap where it works; {@code bwrap} requires it (an
 * instructor grading other people's code should); {@code none} never uses it.
 */
public final class Sandbox {
  /** Where the sandbox looks for bubblewrap, in order. */
  private static final List<String> BWRAP_LOCATIONS = List.of("/usr/bin/bwrap", "/usr/local/bin/bwrap", "/bin/bwrap");
  private static volatile String probed;

  private final Path bwrap;
  private final int tmpMb;

  private Sandbox(Path bwrap, int tmpMb) {
    this.bwrap = bwrap;
    this.tmpMb = tmpMb;
  }

  /** The sandbox {@code setting} asks for ({@code auto}, {@code bwrap} or {@code none}); {@code tmpMb} sizes the writable /tmp. */
  public static Sandbox of(String setting, int tmpMb) {
    String mode = setting == null || setting.isBlank() ? "auto" : setting.strip().toLowerCase(Locale.ROOT);
    switch (mode) {
      case "none":
        return new Sandbox(null, tmpMb);
      case "auto":
        return new Sandbox(usableBwrap() == null ? null : Path.of(usableBwrap()), tmpMb);
      case "bwrap":
        if (usableBwrap() == null) {
          throw new IllegalStateException("-Dcamlab.grade.sandbox=bwrap, but bubblewrap does not work here (" + probeProblem()
              + "): install it (Debian/Ubuntu: apt-get install bubblewrap) and allow user namespaces"
              + " (sysctl kernel.unprivileged_userns_clone=1), or grade with -Dcamlab.grade.sandbox=auto");
        }
        return new Sandbox(Path.of(usableBwrap()), tmpMb);
      default:
        throw new IllegalArgumentException("-Dcamlab.grade.sandbox must be auto, bwrap or none, not \"" + setting + "\"");
    }
  }

  /** True when cells run behind bubblewrap. */
  public boolean isolated() {
    return bwrap != null;
  }

  /** One line for reports: what the operating system does to protect the machine from a cell. */
  public String description() {
    return isolated() ? "bubblewrap (read-only files, private /tmp of " + tmpMb + " MB, no network, own process tree)"
        : "a process-tree kill (bubblewrap is not available)";
  }

  /**
   * The command that runs {@code command} (a JVM) in this sandbox, seeing {@code readable} read-only; the environment
   * is reduced to {@code environment} (name=value) either way.
   */
  List<String> wrap(List<String> command, Path javaHome, Set<Path> readable, List<String> environment) {
    if (!isolated()) return command;
    List<String> args = new ArrayList<>(List.of(bwrap.toString(), "--unshare-all", "--die-with-parent", "--new-session",
        "--cap-drop", "ALL", "--clearenv"));
    for (String variable : environment) {
      int eq = variable.indexOf('=');
      args.addAll(List.of("--setenv", variable.substring(0, eq), variable.substring(eq + 1)));
    }
    args.addAll(List.of("--ro-bind", "/usr", "/usr"));
    for (String top : List.of("/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32")) {
      Path p = Paths.get(top);
      try {
        if (Files.isSymbolicLink(p)) args.addAll(List.of("--symlink", Files.readSymbolicLink(p).toString(), top));
        else if (Files.isDirectory(p)) args.addAll(List.of("--ro-bind", top, top));
      } catch (IOException e) {
        // a missing top-level folder is simply not there in the sandbox either
      }
    }
    // /tmp first: read-only paths below it (the cell JVM's runtime) are bound on top of the fresh tmpfs
    args.addAll(List.of("--proc", "/proc", "--dev", "/dev", "--size", Long.toString((long) tmpMb << 20), "--tmpfs", "/tmp"));
    Set<Path> bound = new LinkedHashSet<>(readable);
    bound.add(javaHome);
    bound.addAll(linkTargets(javaHome));
    for (Path p : bound) {
      if (p.startsWith("/usr") || !Files.exists(p)) continue;
      args.addAll(List.of("--ro-bind", p.toString(), p.toString()));
    }
    args.addAll(List.of("--remount-ro", "/", "--chdir", "/tmp"));
    args.addAll(command);
    return args;
  }

  /** Where the symbolic links inside the JDK point outside it (Debian's JDK links its configuration from /etc). */
  private static Set<Path> linkTargets(Path javaHome) {
    Set<Path> out = new LinkedHashSet<>();
    try (Stream<Path> walk = Files.walk(javaHome, 4)) {
      walk.filter(Files::isSymbolicLink).forEach(link -> {
        try {
          Path target = link.toRealPath();
          if (!target.startsWith(javaHome)) out.add(target);
        } catch (IOException e) {
          // a dangling link points nowhere in the sandbox either
        }
      });
    } catch (IOException e) {
      // an unreadable JDK folder is not bound; the JVM reports what it misses
    }
    return out;
  }

  /** The path of a bubblewrap that runs a trivial command here, or null. Probed once per JVM. */
  private static String usableBwrap() {
    String p = probed;
    if (p == null) {
      p = probe();
      probed = p;
    }
    return p.isEmpty() ? null : p;
  }

  private static String probe() {
    for (String location : BWRAP_LOCATIONS) {
      if (!Files.isExecutable(Path.of(location))) continue;
      try {
        Process process = new ProcessBuilder(location, "--unshare-all", "--die-with-parent", "--ro-bind", "/", "/", "--proc", "/proc",
            "--dev", "/dev", "/bin/true").redirectErrorStream(true).start();
        process.getOutputStream().close();
        if (process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0) return location;
        process.destroyForcibly();
      } catch (IOException e) {
        // not usable: try the next location
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return "";
      }
    }
    return "";
  }

  private static String probeProblem() {
    for (String location : BWRAP_LOCATIONS) {
      if (Files.isExecutable(Path.of(location))) return location + " cannot create its namespaces";
    }
    return "no bwrap in " + BWRAP_LOCATIONS;
  }
}
