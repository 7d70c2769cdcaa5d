package camlab.kernel.install;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Writes (or removes) the kernelspec folder of a {@link Distribution}: kernel.json with absolute paths plus two logo
 * sizes. No Python needed; {@code jupyter kernelspec list} shows the result.
 */
public final class KernelInstaller {
  private KernelInstaller() {}

  /** {@code install [options]}; returns the process exit code. */
  public static int install(String[] args, Distribution d, PrintStream out, PrintStream err) {
    return install(args, d, System.getenv(), Path.of(System.getProperty("user.home")), launchArgs(d.mainClass()), out, err);
  }

  /** {@code uninstall [--user | --prefix DIR] [--name NAME]}; returns the process exit code. */
  public static int uninstall(String[] args, Distribution d, PrintStream out, PrintStream err) {
    return uninstall(args, d, System.getenv(), Path.of(System.getProperty("user.home")), out, err);
  }

  static int install(String[] args, Distribution d, Map<String, String> env, Path home, List<String> launch, PrintStream out,
                     PrintStream err) {
    InstallOptions o;
    try {
      o = InstallOptions.parse(args, true, d);
    } catch (InstallOptions.UsageException e) {
      err.println(e.getMessage() + "\n\n" + InstallOptions.usage(command(d), d));
      return 2;
    }
    if (o.help()) {
      out.println(InstallOptions.usage(command(d), d));
      return 0;
    }
    Path java = o.java() != null ? o.java() : Path.of(System.getProperty("java.home"), "bin", windows() ? "java.exe" : "java");
    if (!Files.isExecutable(java)) {
      err.println(java + " is not an executable java. Point --java at the bin/java of a JDK 17 or newer.");
      return 1;
    }
    if (o.java() == null && ModuleLayer.boot().findModule("jdk.jshell").isEmpty()) {
      err.println("This Java (" + System.getProperty("java.home") + ") has no jdk.jshell module: the kernel needs a full"
          + " JDK 17 or newer, not a JRE. Run the installer with a JDK's java, or pass --java /path/to/jdk/bin/java.");
      return 1;
    }
    if (launch.isEmpty()) {
      err.println("The kernel jar's lib/ folder is incomplete (see the message above). Rebuild it: ./mvnw -DskipTests package");
      return 1;
    }
    Path dir = JupyterDirs.kernelsDir(o.prefix(), env, System.getProperty("os.name", ""), home).resolve(o.name());
    List<String> jvmArgs = new ArrayList<>(d.jvmArgs());
    jvmArgs.addAll(o.jvmOpts());
    try {
      Files.createDirectories(dir);
      if (o.classDataArchive()) {
        Path archive = dir.resolve(ClassDataArchive.FILE_NAME);
        Optional<String> problem = ClassDataArchive.record(java, jvmArgs, launch, archive);
        if (problem.isEmpty()) {
          jvmArgs.add(ClassDataArchive.useFlag(archive));
        } else {
          out.println("Note: no class-data archive (" + problem.get() + "); the kernel works, it just starts slower.");
        }
      }
      Files.writeString(dir.resolve("kernel.json"), KernelSpec.json(o, java, jvmArgs, launch));
      System.setProperty("java.awt.headless", "true");
      ImageIO.write(KernelLogo.draw(64), "png", dir.resolve("logo-64x64.png").toFile());
      ImageIO.write(KernelLogo.draw(32), "png", dir.resolve("logo-32x32.png").toFile());
    } catch (IOException e) {
      err.println("Cannot write the kernelspec to " + dir + ": " + e.getMessage());
      return 1;
    }
    out.println("Installed the kernel \"" + o.displayName() + "\" as " + o.name() + " in " + dir);
    out.println("  java:   " + java);
    out.println("  kernel: " + String.join(" ", launch));
    if (o.cellTimeout() != null) out.println("  cells stop after " + o.cellTimeout());
    out.println("Check with: jupyter kernelspec list");
    return 0;
  }

  static int uninstall(String[] args, Distribution d, Map<String, String> env, Path home, PrintStream out, PrintStream err) {
    InstallOptions o;
    try {
      o = InstallOptions.parse(args, false, d);
    } catch (InstallOptions.UsageException e) {
      err.println(e.getMessage() + "\n\n" + InstallOptions.usage(command(d), d));
      return 2;
    }
    if (o.help()) {
      out.println(InstallOptions.usage(command(d), d));
      return 0;
    }
    Path dir = JupyterDirs.kernelsDir(o.prefix(), env, System.getProperty("os.name", ""), home).resolve(o.name());
    if (!Files.isRegularFile(dir.resolve("kernel.json"))) {
      err.println("There is no kernelspec " + o.name() + " in " + dir.getParent() + " (nothing removed)."
          + " `jupyter kernelspec list` shows where kernels are installed.");
      return 1;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        p.toFile().setWritable(true); // the JVM writes the class-data archive read-only
        Files.delete(p);
      }
    } catch (IOException e) {
      err.println("Cannot remove " + dir + ": " + e.getMessage());
      return 1;
    }
    out.println("Removed the kernelspec " + o.name() + " from " + dir.getParent());
    return 0;
  }

  /** How a user starts this distribution's main class: {@code java -jar camlab-kernel.jar}, or with its class path. */
  public static String command(Distribution d) {
    Path code = codeOf(d.mainClass());
    return isJar(code) ? "java -jar " + code.getFileName() : "java -cp CLASSPATH " + d.mainClass().getName();
  }

  /**
   * How kernel.json starts the kernel: {@code -jar <abs jar>} when {@code main} runs from a built jar (its lib/ folder
   * must be complete), else {@code -cp <abs class path> main}. Empty if the jar's lib/ is incomplete (the reason is
   * printed).
   */
  static List<String> launchArgs(Class<?> main) {
    Path code = codeOf(main);
    if (isJar(code)) {
      List<Path> missing = KernelClassPath.manifestClassPath(code).stream().filter(p -> !Files.exists(p)).toList();
      if (!missing.isEmpty()) {
        System.err.println("Missing next to " + code.getFileName() + ": " + missing.get(0)
            + (missing.size() > 1 ? " and " + (missing.size() - 1) + " more" : ""));
        return List.of();
      }
      return List.of("-jar", code.toString());
    }
    String cp = String.join(File.pathSeparator, KernelClassPath.entries().stream().map(p -> p.toAbsolutePath().toString()).toList());
    return List.of("-cp", cp, main.getName());
  }

  private static Path codeOf(Class<?> main) {
    try {
      return Path.of(main.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath();
    } catch (URISyntaxException e) {
      throw new IllegalStateException("Cannot locate the kernel's own code: " + e.getMessage(), e);
    }
  }

  private static boolean isJar(Path code) {
    return Files.isRegularFile(code) && code.toString().endsWith(".jar");
  }

  private static boolean windows() {
    return System.getProperty("os.name", "").startsWith("Windows");
  }
}
