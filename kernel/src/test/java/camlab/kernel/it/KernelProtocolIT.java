package camlab.kernel.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Installs the built plain kernel (target/camlab-kernel.jar: no extension on its class path) into a Jupyter data dir
 * under target/it (hermetic) and runs the Python protocol suite (src/test/python/kernel_protocol_test.py) against it
 * with Debian's jupyter_client.
 */
class KernelProtocolIT {
  static final String KERNEL = "plain-java";
  static final String SMALL_HEAP_KERNEL = "plain-java-small";
  private static final Path JAR = Path.of(System.getProperty("camlab.kernel.jar", "target/camlab-kernel.jar"));
  private static final Path PYTHON = Path.of(System.getProperty("camlab.python", "/usr/bin/python3"));
  private static final Path SUITE = Path.of(System.getProperty("camlab.protocolSuite", "src/test/python/kernel_protocol_test.py"));
  private static final Path IT = Path.of(System.getProperty("camlab.itDir", "target/it")).toAbsolutePath();
  private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

  @Test
  void jupyterProtocolSuite() throws Exception {
    boolean jupyter = Files.isExecutable(PYTHON)
        && exitCode(List.of(PYTHON.toString(), "-c", "import jupyter_client, nbformat"), Map.of(), 60) == 0;
    if (!jupyter) {
      String why = "Skipped the Jupyter protocol suite: " + PYTHON + " cannot import jupyter_client and nbformat. Install"
          + " Debian's python3-jupyter-client, python3-nbformat and jupyter-nbconvert, or pass -Dcamlab.python=/path/to/python3.";
      System.out.println(why); // the build log shows skips without their reason
      Assumptions.abort(why);
    }
    deleteTree(IT);
    Path data = IT.resolve("jupyter-data");
    Files.createDirectories(IT.resolve("work"));
    Map<String, String> jupyterEnv = Map.of(
        "JUPYTER_DATA_DIR", data.toString(),
        "JUPYTER_CONFIG_DIR", IT.resolve("jupyter-config").toString(),
        "JUPYTER_RUNTIME_DIR", IT.resolve("jupyter-runtime").toString());

    Path mavenRepo = mavenRepository(IT.resolve("m2"));
    install(jupyterEnv, "--name", KERNEL, "--jvm-opt", "-Dmaven.repo.local=" + mavenRepo);
    install(jupyterEnv, "--name", SMALL_HEAP_KERNEL, "--display-name", "Java (JShell, small heap)", "--jvm-opt", "-Xmx192m", "--no-cds");
    Path greeter = greeterJar(IT.resolve("greeter"));

    Map<String, String> env = new java.util.HashMap<>(jupyterEnv);
    env.put("CAMLAB_IT_KERNEL", KERNEL);
    env.put("CAMLAB_IT_SMALL_HEAP_KERNEL", SMALL_HEAP_KERNEL);
    env.put("CAMLAB_IT_DIR", IT.resolve("work").toString());
    env.put("CAMLAB_IT_GREETER_JAR", greeter.toString());
    env.put("CAMLAB_IT_MAVEN_REPO", mavenRepo.toString());
    env.put("PYDEVD_DISABLE_FILE_VALIDATION", "1");
    env.put("PYTHONDONTWRITEBYTECODE", "1");
    int rc = exitCode(List.of(PYTHON.toString(), "-u", SUITE.toAbsolutePath().toString()), env, 1200);
    assertEquals(0, rc, "The Jupyter protocol suite failed; its report is in the output above.");
  }

  private static void install(Map<String, String> env, String... options) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(JAVA, "-jar", JAR.toAbsolutePath().toString(), "install"));
    cmd.addAll(List.of(options));
    assertEquals(0, exitCode(cmd, env, 300), "java -jar camlab-kernel.jar install " + String.join(" ", options));
  }

  /** Runs {@code cmd}, copying its output to this JVM's stdout (where failsafe captures it). */
  private static int exitCode(List<String> cmd, Map<String, String> env, long timeoutSeconds) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().putAll(env);
    Process p = pb.start();
    Thread copy = new Thread(() -> {
      try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        out.lines().forEach(System.out::println);
      } catch (IOException e) {
        System.out.println("(lost the rest of the output: " + e + ")");
      }
    });
    copy.setDaemon(true);
    copy.start();
    boolean finished = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
    copy.join(5000);
    if (!finished) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      throw new AssertionError(String.join(" ", cmd) + " did not finish within " + timeoutSeconds + " s");
    }
    return p.exitValue();
  }

  /** demo.Greeter in its own jar, for %jars. */
  private static Path greeterJar(Path dir) throws IOException {
    Path classes = compile(dir, "Greeter", "public class Greeter {\n  public static String greet(String who) { return \"hello \" + who; }\n}", null);
    return jar(classes, "Greeter", dir.resolve("jars/greeter.jar"));
  }

  /**
   * A local Maven repository for %maven: demo:greeting-app:1.0 (demo.Hello) depends on demo:greeting-lib:1.0
   * (demo.Names) and, for tests only, on demo:test-only:1.0, which is absent; demo:broken-app:1.0 depends on
   * demo:absent:2.0, which is absent too.
   */
  private static Path mavenRepository(Path repo) throws IOException {
    Path build = repo.resolveSibling("m2-build");
    Path names = compile(build.resolve("lib"), "Names", "public class Names {\n  public static String who() { return \"from a dependency\"; }\n}", null);
    Path hello = compile(build.resolve("app"), "Hello", "public class Hello {\n  public static String hello() { return \"hello \" + Names.who(); }\n}", names);
    artifact(repo, "greeting-lib", "", names, "Names");
    artifact(repo, "greeting-app", dependency("greeting-lib", "1.0", "") + dependency("test-only", "1.0", "<scope>test</scope>"), hello, "Hello");
    artifact(repo, "broken-app", dependency("absent", "2.0", ""), hello, "Hello");
    return repo;
  }

  private static String dependency(String artifact, String version, String extra) {
    return "<dependency><groupId>demo</groupId><artifactId>" + artifact + "</artifactId><version>" + version + "</version>" + extra
        + "</dependency>";
  }

  private static void artifact(Path repo, String artifact, String dependencies, Path classes, String className) throws IOException {
    Path folder = Files.createDirectories(repo.resolve("demo").resolve(artifact).resolve("1.0"));
    Files.writeString(folder.resolve(artifact + "-1.0.pom"), "<project><modelVersion>4.0.0</modelVersion><groupId>demo</groupId>"
        + "<artifactId>" + artifact + "</artifactId><version>1.0</version><dependencies>" + dependencies + "</dependencies></project>");
    jar(classes, className, folder.resolve(artifact + "-1.0.jar"));
  }

  /** Compiles {@code demo.<name>} into {@code dir/classes}, against {@code classpath} (or nothing). */
  private static Path compile(Path dir, String name, String body, Path classpath) throws IOException {
    Path src = dir.resolve("src/demo/" + name + ".java");
    Files.createDirectories(src.getParent());
    Files.writeString(src, "package demo;\n" + body + "\n");
    Path classes = Files.createDirectories(dir.resolve("classes"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    List<String> args = new ArrayList<>(List.of("-d", classes.toString()));
    if (classpath != null) args.addAll(List.of("-cp", classpath.toString()));
    args.add(src.toString());
    assertEquals(0, javac.run(null, null, null, args.toArray(String[]::new)), "compiling demo." + name);
    return classes;
  }

  private static Path jar(Path classes, String name, Path jar) throws IOException {
    Files.createDirectories(jar.getParent());
    try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out)) {
      j.putNextEntry(new JarEntry("demo/" + name + ".class"));
      j.write(Files.readAllBytes(classes.resolve("demo/" + name + ".class")));
      j.closeEntry();
    }
    assertTrue(Files.size(jar) > 0);
    return jar;
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) return;
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        p.toFile().setWritable(true);
        Files.delete(p);
      }
    }
  }
}
