package camlab.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import camlab.exercises.SolveNotebooks;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
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
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Executes every course notebook headless through the installed camlab-java kernel with Jupyter's own
 * client (nbconvert), twice: as committed (exercise stubs: the cells that call them must degrade to a
 * "not solved yet" note, never an error) and with the reference solutions filled in. Any cell error
 * fails the notebook. The executed copies stay in target/notebooks-it/executed for inspection.
 *
 * <p>Unless the knobs are set, models are trained small (CAMLAB_TRAIN_LIMIT=3000, CAMLAB_EPOCHS=1,
 * CAMLAB_EVAL_LIMIT=300) so the run stays short; students' runs use the full data.
 */
class CourseNotebooksIT {
  private static final Path ROOT = Path.of(System.getProperty("camlab.root", "..")).toAbsolutePath().normalize();
  private static final Path JAR = Path.of(System.getProperty("camlab.kernel.jar", "target/camlab-course.jar")).toAbsolutePath();
  private static final Path WORK = Path.of("target/notebooks-it").toAbsolutePath();
  private static final Path JUPYTER = Path.of(System.getProperty("camlab.jupyter", "/usr/bin/jupyter"));
  private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
  private static final String NOT_SOLVED = "is not solved yet";

  @TestFactory
  List<DynamicTest> everyNotebookRunsAsCommittedAndSolved() throws Exception {
    if (!Files.isExecutable(JUPYTER) || run(List.of(JUPYTER.toString(), "nbconvert", "--version"), Map.of(), 120) != 0) {
      String why = "Skipped executing the notebooks: " + JUPYTER + " nbconvert is missing. Install Debian's jupyter-nbconvert"
          + " and python3-nbclient, or pass -Dcamlab.jupyter=/path/to/jupyter.";
      System.out.println(why);
      Assumptions.abort(why);
    }
    deleteTree(WORK);
    Map<String, String> env = jupyterEnv();
    List<String> install = List.of(JAVA, "-jar", JAR.toString(), "install", "--name", CourseKernel.NAME, "--no-cds");
    assertEquals(0, run(install, env, 300), "installing the kernel");
    Path solved = WORK.resolve("solved");
    SolveNotebooks.solve(ROOT.resolve("notebooks"), ROOT.resolve("solutions"), solved);

    List<DynamicTest> tests = new ArrayList<>();
    for (Path notebook : notebooks(ROOT.resolve("notebooks"))) {
      tests.add(DynamicTest.dynamicTest("committed " + notebook.getFileName(), () -> execute(notebook, "committed", env, true)));
    }
    for (Path notebook : notebooks(solved)) {
      tests.add(DynamicTest.dynamicTest("solved " + notebook.getFileName(), () -> execute(notebook, "solved", env, false)));
    }
    return tests;
  }

  private static void execute(Path notebook, String variant, Map<String, String> env, boolean committed) throws Exception {
    Path out = WORK.resolve("executed").resolve(variant);
    Files.createDirectories(out);
    List<String> cmd = List.of(JUPYTER.toString(), "nbconvert", "--to", "notebook", "--execute",
        "--ExecutePreprocessor.kernel_name=camlab-java", "--ExecutePreprocessor.timeout=1200",
        "--output-dir", out.toString(), notebook.toString());
    long start = System.nanoTime();
    int rc = run(cmd, env, 1800);
    System.out.printf("%s %s executed in %.0f s%n", variant, notebook.getFileName(), (System.nanoTime() - start) / 1e9);
    assertEquals(0, rc, variant + " " + notebook.getFileName() + ": a cell failed (nbconvert's report is above)");
    String executed = Files.readString(out.resolve(notebook.getFileName()));
    assertFalse(executed.contains("\"output_type\": \"error\""), "an error output in " + notebook.getFileName());
    boolean hasExercises = hasExerciseCells(notebook);
    if (committed && hasExercises) {
      assertTrue(executed.contains(NOT_SOLVED), notebook.getFileName() + ": the cells after a stub should say it is not solved yet");
    } else {
      assertFalse(executed.contains(NOT_SOLVED), notebook.getFileName() + ": a solved notebook still hit a stub");
    }
  }

  /** Whether a code cell starts with an exercise marker (the markdown of 00-setup only mentions them). */
  private static boolean hasExerciseCells(Path notebook) throws IOException {
    JsonObject nb = JsonParser.parseString(Files.readString(notebook)).getAsJsonObject();
    for (JsonElement cell : nb.getAsJsonArray("cells")) {
      JsonObject c = cell.getAsJsonObject();
      if (!"code".equals(c.get("cell_type").getAsString())) continue;
      JsonElement source = c.get("source");
      String text = source.isJsonArray()
          ? String.join("", source.getAsJsonArray().asList().stream().map(JsonElement::getAsString).toList())
          : source.getAsString();
      if (text.stripLeading().startsWith("// EXERCISE ")) return true;
    }
    return false;
  }

  private static Map<String, String> jupyterEnv() {
    Map<String, String> env = new HashMap<>();
    env.put("JUPYTER_DATA_DIR", WORK.resolve("jupyter-data").toString());
    env.put("JUPYTER_CONFIG_DIR", WORK.resolve("jupyter-config").toString());
    env.put("JUPYTER_RUNTIME_DIR", WORK.resolve("jupyter-runtime").toString());
    env.put("PYDEVD_DISABLE_FILE_VALIDATION", "1");
    defaultKnob(env, "CAMLAB_TRAIN_LIMIT", "3000");
    defaultKnob(env, "CAMLAB_EPOCHS", "1");
    defaultKnob(env, "CAMLAB_EVAL_LIMIT", "300");
    return env;
  }

  private static void defaultKnob(Map<String, String> env, String name, String value) {
    String set = System.getenv(name);
    env.put(name, set == null || set.isBlank() ? value : set);
  }

  private static List<Path> notebooks(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
    }
  }

  private static int run(List<String> cmd, Map<String, String> env, long timeoutSeconds) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).directory(ROOT.toFile());
    pb.environment().putAll(env);
    Process p = pb.start();
    Thread copy = new Thread(() -> {
      try {
        p.getInputStream().transferTo(System.out);
      } catch (IOException e) {
        System.out.println("(lost the rest of the output: " + e + ")");
      }
    });
    copy.setDaemon(true);
    copy.start();
    if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      throw new AssertionError(String.join(" ", cmd) + " did not finish within " + timeoutSeconds + " s");
    }
    copy.join(5000);
    return p.exitValue();
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) return;
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
    }
  }
}
