package camlab.course;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Notebook 02 run by a student in a real browser (src/test/python/browser_test.py): headless Chromium driven by
 * Debian's python3-selenium and chromium-driver, on the page {@code ./camlab notebook} opens, and under JupyterHub set up
 * by {@code ./camlab hub-setup} with two local test users. Screenshots and the servers' logs stay in target/it-browser.
 *
 * <p>Skipped, with the reason, where Chromium, its driver, Selenium or JupyterHub is missing; with
 * {@code CAMLAB_REQUIRE_BROWSER=1} (CI) a missing piece fails the build instead.
 */
class ClassroomBrowserIT {
  private static final Path PYTHON = Path.of(System.getProperty("camlab.python", "/usr/bin/python3"));
  private static final Path SUITE = Path.of(System.getProperty("camlab.browserSuite", "src/test/python/browser_test.py"));
  private static final Path ROOT = Path.of(System.getProperty("camlab.root", "..")).toAbsolutePath().normalize();
  private static final Path IT = Path.of(System.getProperty("camlab.browserItDir", "target/it-browser")).toAbsolutePath();
  private static final List<String> NEEDED = List.of("/usr/bin/chromium", "/usr/bin/chromedriver", "/usr/bin/jupyterhub",
      "/usr/bin/jupyterhub-singleuser", "/usr/bin/configurable-http-proxy");

  @Test
  void notebook02InTheBrowserOnTheNotebookPageAndUnderJupyterHub() throws Exception {
    List<String> missing = new ArrayList<>(NEEDED.stream().filter(p -> !Files.isExecutable(Path.of(p))).toList());
    if (!Files.isExecutable(PYTHON) || exitCode(List.of(PYTHON.toString(), "-c", "import selenium, jupyterhub, notebook"), Map.of(), 60) != 0) {
      missing.add(PYTHON + " with selenium, jupyterhub and notebook");
    }
    if (!missing.isEmpty()) {
      String why = "The browser test needs " + missing + ": install Debian's jupyterhub, python3-selenium, chromium and"
          + " chromium-driver (apt-get install jupyterhub python3-selenium chromium chromium-driver).";
      System.out.println(why); // the build log shows skips without their reason
      if ("1".equals(System.getenv("CAMLAB_REQUIRE_BROWSER"))) throw new AssertionError(why);
      Assumptions.abort(why);
    }
    Files.createDirectories(IT);
    Map<String, String> env = new HashMap<>(Map.of(
        "CAMLAB_ROOT", ROOT.toString(),
        "CAMLAB_IT_DIR", IT.toString(),
        "PYTHONDONTWRITEBYTECODE", "1",
        "PYDEVD_DISABLE_FILE_VALIDATION", "1"));
    // a small model, trained in seconds, unless the build asks for another
    Map.of("CAMLAB_TRAIN_LIMIT", "3000", "CAMLAB_EPOCHS", "1", "CAMLAB_EVAL_LIMIT", "300")
        .forEach((k, v) -> env.put(k, System.getenv().getOrDefault(k, v)));
    int rc = exitCode(List.of(PYTHON.toString(), "-u", SUITE.toAbsolutePath().toString()), env, 1800);
    assertEquals(0, rc, "The browser test failed; its report is in the output above, screenshots and logs in " + IT);
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
      // the suite stops what it started on SIGTERM; what is left is killed
      p.toHandle().destroy();
      p.waitFor(30, TimeUnit.SECONDS);
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      throw new AssertionError(String.join(" ", cmd) + " did not finish within " + timeoutSeconds + " s");
    }
    return p.exitValue();
  }
}
