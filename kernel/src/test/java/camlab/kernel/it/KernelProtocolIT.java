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
 * Installs the built kernel into a Jupyter data dir under target/it (hermetic) and runs the Python protocol
 * suite (src/test/python/kernel_protocol_test.py) against it with Debian's jupyter_client.
 */
class KernelProtocolIT {
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

    install(jupyterEnv, "--name", "camlab-java");
    install(jupyterEnv, "--name", "camlab-java-small", "--display-name", "Java (CamLab, small heap)",
        "--jvm-opt", "-Xmx192m", "--no-cds");
    Path greeter = greeterJar(IT.resolve("greeter"));

    Map<String, String> env = new java.util.HashMap<>(jupyterEnv);
    env.put("CAMLAB_IT_DIR", IT.resolve("work").toString());
    env.put("CAMLAB_IT_GREETER_JAR", greeter.toString());
    env.put("PYDEVD_DISABLE_FILE_VALIDATION", "1");
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
    Path src = dir.resolve("src/demo/Greeter.java");
    Files.createDirectories(src.getParent());
    Files.writeString(src, "package demo;\npublic class Greeter {\n  public static String greet(String who) { return \"hello \" + who; }\n}\n");
    Path classes = Files.createDirectories(dir.resolve("classes"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    assertEquals(0, javac.run(null, null, null, "-d", classes.toString(), src.toString()), "compiling demo.Greeter");
    Path jar = dir.resolve("jars/greeter.jar");
    Files.createDirectories(jar.getParent());
    try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out)) {
      j.putNextEntry(new JarEntry("demo/Greeter.class"));
      j.write(Files.readAllBytes(classes.resolve("demo/Greeter.class")));
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
