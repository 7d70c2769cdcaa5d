package camlab.course;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Installs the camlab-java kernel from the built course jar into a Jupyter data dir under target/it (hermetic), as
 * {@code ./camlab notebook} does, and runs the course's protocol suite (src/test/python/course_kernel_test.py) against
 * it with Debian's jupyter_client.
 */
class CourseKernelIT {
  private static final Path JAR = Path.of(System.getProperty("camlab.kernel.jar", "target/camlab-course.jar"));
  private static final Path PYTHON = Path.of(System.getProperty("camlab.python", "/usr/bin/python3"));
  private static final Path SUITE = Path.of(System.getProperty("camlab.protocolSuite", "src/test/python/course_kernel_test.py"));
  private static final Path HARNESS = Path.of(System.getProperty("camlab.protocolHarness", "../kernel/src/test/python"));
  private static final Path IT = Path.of(System.getProperty("camlab.itDir", "target/it")).toAbsolutePath();
  private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

  @Test
  void courseKernelSuite() throws Exception {
    boolean jupyter = Files.isExecutable(PYTHON)
        && exitCode(List.of(PYTHON.toString(), "-c", "import jupyter_client, nbformat"), Map.of(), 60) == 0;
    if (!jupyter) {
      String why = "Skipped the camlab-java kernel suite: " + PYTHON + " cannot import jupyter_client and nbformat. Install"
          + " Debian's python3-jupyter-client, python3-nbformat and jupyter-nbconvert, or pass -Dcamlab.python=/path/to/python3.";
      System.out.println(why); // the build log shows skips without their reason
      Assumptions.abort(why);
    }
    deleteTree(IT);
    Files.createDirectories(IT.resolve("work"));
    Map<String, String> env = new HashMap<>(Map.of(
        "JUPYTER_DATA_DIR", IT.resolve("jupyter-data").toString(),
        "JUPYTER_CONFIG_DIR", IT.resolve("jupyter-config").toString(),
        "JUPYTER_RUNTIME_DIR", IT.resolve("jupyter-runtime").toString()));
    List<String> install = List.of(JAVA, "-jar", JAR.toAbsolutePath().toString(), "install", "--name", CourseKernel.NAME);
    assertEquals(0, exitCode(install, env, 300), "java -jar camlab-course.jar install");

    env.put("CAMLAB_IT_KERNEL", CourseKernel.NAME);
    env.put("CAMLAB_IT_DIR", IT.resolve("work").toString());
    env.put("PYTHONPATH", HARNESS.toAbsolutePath().normalize().toString());
    env.put("PYTHONDONTWRITEBYTECODE", "1");
    env.put("PYDEVD_DISABLE_FILE_VALIDATION", "1");
    int rc = exitCode(List.of(PYTHON.toString(), "-u", SUITE.toAbsolutePath().toString()), env, 1200);
    assertEquals(0, rc, "The camlab-java kernel suite failed; its report is in the output above.");
  }

  /** Runs {@code cmd}, copying its output to this JVM's stdout (where failsafe captures it). */
  private static int exitCode(List<String> cmd, Map<String, String> env, long timeoutSeconds) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(cmd)).redirectErrorStream(true);
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
