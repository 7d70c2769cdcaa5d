package camlab.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import camlab.exercises.ExerciseCells;
import camlab.exercises.cell.NotebookImports;
import camlab.kernel.CamLabKernel;
import camlab.kernel.KernelInfo;
import camlab.kernel.KernelSettings;
import camlab.kernel.eval.CellFailure;
import camlab.kernel.eval.UncaughtException;
import camlab.kernel.extension.Extensions;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The generic kernel with the course extension, found on the class path as the camlab-java kernel finds it. */
class CourseExtensionTest {
  private static Extensions extensions;
  private static CamLabKernel kernel;

  @BeforeAll
  static void start() {
    extensions = Extensions.load(CourseExtensionTest.class.getClassLoader(), System.err);
    kernel = CamLabKernel.start(KernelSettings.from(Map.of()), extensions);
  }

  @AfterAll
  static void stop() {
    kernel.onShutdownForTests();
  }

  private static String text(DisplayData d) {
    return String.valueOf(d.getData(MIMEType.TEXT_PLAIN));
  }

  /** What the cell displayed: the kernel prints displays as text while no notebook is attached. */
  private static String shownBy(String cell) throws Exception {
    PrintStream old = System.out;
    ByteArrayOutputStream shown = new ByteArrayOutputStream();
    System.setOut(new PrintStream(shown, true, StandardCharsets.UTF_8));
    try {
      assertNull(kernel.eval(cell), "the cell ends normally, without a value");
    } finally {
      System.setOut(old);
    }
    return shown.toString(StandardCharsets.UTF_8);
  }

  @Test
  void theServiceLoaderFindsTheCourseExtension() {
    assertEquals(List.of(CourseExtension.class), extensions.all().stream().map(Object::getClass).toList());
  }

  @Test
  void cellsSeeTheGradersImportsCheckAndTheLibrarysProgress() throws Exception {
    assertEquals("float32", text(kernel.eval("DataType.FLOAT32")), "DJL's types are imported");
    assertEquals("camlab.explain.ActivationMaps", text(kernel.eval("ActivationMaps.class.getName()")), "the library's packages");
    assertEquals("camlab.util.Progress", text(kernel.eval("Progress.class.getName()")), "one progress bar: the library's");
    UncaughtException unknown = assertThrows(UncaughtException.class, () -> kernel.eval("check(\"7.7\");"));
    assertTrue(unknown.getMessage().contains("there is no exercise \"7.7\""), unknown.getMessage());
  }

  @Test
  void theKernelsOwnImportsAreAmongTheGradersSoACellThatRunsHereCompilesThere() {
    List<String> grader = NotebookImports.forCells();
    for (String line : CamLabKernel.DEFAULT_IMPORTS) {
      if (line.startsWith("import static camlab.kernel.runtime.Display")) continue; // the notebook API is the kernel's
      assertTrue(grader.contains(line), line + " is imported by the kernel but not by the grader: " + grader);
    }
  }

  @Test
  void anUnsolvedExerciseIsANoteNotAnError() throws Exception {
    kernel.eval("// EXERCISE 9.1 — demo (1 point)\nint answer() { throw new NotSolvedYet(\"9.1\"); }");
    String elsewhere = shownBy("try { answer(); } catch (RuntimeException e) { throw new IllegalStateException(\"wrapped\", e); }");
    assertTrue(elsewhere.startsWith("⏳ Exercise 9.1 is not solved yet — solve it in its cell (marked // EXERCISE 9.1)"), elsewhere);
    String own = shownBy("// EXERCISE 9.2 — demo\nint twice(int v) { throw new NotSolvedYet(\"9.2\"); }\ntwice(1)");
    assertTrue(own.contains("replace the throw new NotSolvedYet(...) line in this cell"), own);
    assertThrows(CellFailure.class, () -> kernel.eval("throw new IllegalStateException(\"other\");"), "other errors stay errors");
  }

  @Test
  void theNoteNamesTheExerciseAndWhereToSolveIt() {
    DisplayData elsewhere = CourseExtension.notSolvedNote("2.1", "cam(x)");
    assertEquals("⏳ **Exercise 2.1 is not solved yet** — solve it in its cell (marked `// EXERCISE 2.1`), run that cell,"
        + " then run this one again.", elsewhere.getData(MIMEType.TEXT_MARKDOWN));
    assertTrue(text(elsewhere).startsWith("⏳ Exercise 2.1 is not solved yet"));
    DisplayData own = CourseExtension.notSolvedNote("2.1", "// EXERCISE 2.1 — CAM (3 points)\nint f() { throw new NotSolvedYet(\"2.1\"); }");
    assertTrue(own.getData(MIMEType.TEXT_MARKDOWN).toString().contains("in this cell"));
  }

  @Test
  void everyExerciseCellRunIsWhatCheckGradesNextEvenOneThatDoesNotCompile() throws Exception {
    String first = "// EXERCISE 9.4 — demo\nint four() { return 4; }";
    kernel.eval(first);
    assertEquals(Optional.of(first), ExerciseCells.latest("9.4"));
    String broken = "// EXERCISE 9.4 — demo\nint four() { return \"four\"; }";
    assertThrows(CellFailure.class, () -> kernel.eval(broken));
    assertEquals(Optional.of(broken), ExerciseCells.latest("9.4"));
    kernel.eval("int notAnExercise = 1;");
    assertEquals(Optional.of(broken), ExerciseCells.latest("9.4"));
  }

  @Test
  void kernelInfoNamesTheLibrariesAndTheirDocs() {
    KernelInfo info = KernelInfo.load().with(extensions);
    assertTrue(info.banner().contains("DJL 0.36.0 with the PyTorch 2.7.1 engine; camlab-lib "), info.banner());
    assertEquals("DJL 0.36.0 API", info.helpLinks().get(1).getAsJsonObject().get("text").getAsString());
  }

  @Test
  void theCamlabJavaKernelspecGetsTheJvmFlagsDjlNeeds() {
    var d = CourseKernel.distribution();
    assertEquals("camlab-java", d.name());
    assertEquals("Java (CamLab)", d.displayName());
    List<String> flags = d.jvmArgs();
    assertTrue(flags.contains("-Djava.awt.headless=true") && flags.contains("-Dai.djl.offline=true"), flags.toString());
    assertTrue(flags.contains("-XX:MaxDirectMemorySize=512m"), flags.toString());
    assertTrue(flags.contains("-XX:TrimNativeHeapInterval=5000"), "a kernel lives long: it hands freed native memory back");
    String cache = flags.stream().filter(a -> a.startsWith("-DDJL_CACHE_DIR=")).findFirst().orElseThrow();
    assertTrue(java.nio.file.Path.of(cache.substring("-DDJL_CACHE_DIR=".length())).isAbsolute(), cache);
  }
}
