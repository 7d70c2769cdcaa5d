package camlab.exercises.grading;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How the grading JVMs are run and limited.
 *
 * @param timeout       wall-clock limit per exercise ({@code -Dcamlab.grade.timeout}, seconds, default 60)
 * @param heapMb        {@code -Xmx} of each grading JVM ({@code -Dcamlab.grade.heapMb}, default 512)
 * @param memoryMb      resident-memory limit, which also covers native NDArray memory; checked on Linux
 *                      ({@code -Dcamlab.grade.memoryMb}, default 2048)
 * @param outputLimitKb output beyond this fails the exercise ({@code -Dcamlab.grade.outputKb}, default 1024)
 * @param parallelism   cell JVMs run at once ({@code -Dcamlab.grade.parallel}, default min(2, cores))
 * @param sandbox       what walls cell JVMs in ({@code -Dcamlab.grade.sandbox}: auto, bwrap or none; see {@link Sandbox})
 * @param tmpMb         size of a sandboxed cell JVM's writable /tmp ({@code -Dcamlab.grade.tmpMb}, default 64)
 * @param hiddenTests   run the exercises' hidden tests too ({@code -Dcamlab.grade.hidden=true}: an instructor grading); a
 *                      student's build runs the visible ones and lists the rest as graded by the instructor
 * @param checks        what is checked before a cell runs: {@link Checks#ALL} in real grading; tests of the sandbox alone turn
 *                      the class-file policy off, and gates that must compile every cell turn the untouched-stub shortcut off
 * @param jvmFlags      flags every DJL JVM needs: {@code -Dcamlab.jvmArgs} (set by the POM), else this JVM's own
 * @param classpath     this JVM's class path, from which a cell JVM's is made (see {@link CellClasspath})
 */
public record GradeSettings(Duration timeout, int heapMb, int memoryMb, int outputLimitKb, int parallelism, String sandbox,
    int tmpMb, boolean hiddenTests, Checks checks, List<String> jvmFlags, String classpath) {

  /** The checks made before a cell's code runs. */
  public enum Checks {
    /** The class-file policy, and an untouched stub is TODO at once (it can only throw {@code NotSolvedYet}). */
    ALL,
    /** The policy, and every cell is compiled and run, stubs too. */
    COMPILE_STUBS,
    /** Neither: only the sandbox and the limits stand between the cell and the machine. */
    SANDBOX_ONLY
  }

  public static GradeSettings fromSystemProperties() {
    return new GradeSettings(
        Duration.ofSeconds(intProperty("camlab.grade.timeout", 60)),
        intProperty("camlab.grade.heapMb", 512),
        intProperty("camlab.grade.memoryMb", 2048),
        intProperty("camlab.grade.outputKb", 1024),
        intProperty("camlab.grade.parallel", Math.min(2, Runtime.getRuntime().availableProcessors())),
        System.getProperty("camlab.grade.sandbox", "auto"),
        intProperty("camlab.grade.tmpMb", 64),
        Boolean.parseBoolean(System.getProperty("camlab.grade.hidden", "false")),
        Checks.ALL,
        jvmFlagsOfThisSetup(),
        absolute(System.getProperty("java.class.path")));
  }

  /** Grading JVMs run in their own working directory, so relative class path entries must be resolved first. */
  static String absolute(String classpath) {
    return Arrays.stream(classpath.split(java.io.File.pathSeparator))
        .filter(entry -> !entry.isBlank())
        .map(entry -> Paths.get(entry).toAbsolutePath().normalize().toString())
        .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
  }

  public GradeSettings withTimeout(Duration d) {
    return new GradeSettings(d, heapMb, memoryMb, outputLimitKb, parallelism, sandbox, tmpMb, hiddenTests, checks, jvmFlags, classpath);
  }

  public GradeSettings withMemoryMb(int mb) {
    return new GradeSettings(timeout, heapMb, mb, outputLimitKb, parallelism, sandbox, tmpMb, hiddenTests, checks, jvmFlags, classpath);
  }

  public GradeSettings withParallelism(int n) {
    return new GradeSettings(timeout, heapMb, memoryMb, outputLimitKb, n, sandbox, tmpMb, hiddenTests, checks, jvmFlags, classpath);
  }

  public GradeSettings withSandbox(String mode) {
    return new GradeSettings(timeout, heapMb, memoryMb, outputLimitKb, parallelism, mode, tmpMb, hiddenTests, checks, jvmFlags, classpath);
  }

  public GradeSettings withHiddenTests(boolean run) {
    return new GradeSettings(timeout, heapMb, memoryMb, outputLimitKb, parallelism, sandbox, tmpMb, run, checks, jvmFlags, classpath);
  }

  public GradeSettings withChecks(Checks c) {
    return new GradeSettings(timeout, heapMb, memoryMb, outputLimitKb, parallelism, sandbox, tmpMb, hiddenTests, c, jvmFlags, classpath);
  }

  /** The running JDK, real path (a cell JVM is started from it and, in a sandbox, sees it read-only). */
  public Path javaHome() {
    Path home = Paths.get(System.getProperty("java.home"));
    try {
      return home.toRealPath();
    } catch (IOException e) {
      return home.toAbsolutePath();
    }
  }

  /** The {@code java} launcher of the running JDK. */
  public Path javaExecutable() {
    boolean windows = System.getProperty("os.name", "").toLowerCase().startsWith("windows");
    return javaHome().resolve("bin").resolve(windows ? "java.exe" : "java");
  }

  /**
   * The flags every DJL JVM of this build needs, from the POM's {@code camlab.jvmArgs}: the system property
   * when the build passes it (surefire, failsafe), else the library's {@code camlab/jvm.options} resource
   * (filtered from the same property), else the flags this JVM itself was started with that matter to
   * DJL ({@code -D...}, direct-memory cap, native-heap trimming, module opens). Heap, agent and debugger flags are never passed on.
   */
  static List<String> jvmFlagsOfThisSetup() {
    String configured = System.getProperty("camlab.jvmArgs");
    if (configured == null || configured.isBlank() || configured.contains("${")) configured = jvmOptionsResource();
    if (configured != null && !configured.isBlank() && !configured.contains("${")) {
      return List.copyOf(Arrays.asList(configured.strip().split("\\s+")));
    }
    List<String> inherited = new ArrayList<>();
    for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (arg.startsWith("-D") || arg.startsWith("-XX:MaxDirectMemorySize=") || arg.startsWith("-XX:TrimNativeHeapInterval=")
          || arg.equals("-XX:+IgnoreUnrecognizedVMOptions") || arg.startsWith("--add-opens")
          || arg.startsWith("--add-exports") || arg.startsWith("--enable-native-access")) {
        inherited.add(arg);
      }
    }
    return inherited;
  }

  private static String jvmOptionsResource() {
    try (InputStream in = GradeSettings.class.getClassLoader().getResourceAsStream("camlab/jvm.options")) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return null;
    }
  }

  private static int intProperty(String name, int fallback) {
    String v = System.getProperty(name);
    if (v == null || v.isBlank()) return fallback;
    try {
      int n = Integer.parseInt(v.strip());
      if (n <= 0) throw new NumberFormatException();
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("-D" + name + " must be a positive whole number, not \"" + v + "\"");
    }
  }
}
