package camlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import camlab.kernel.eval.Ansi;
import camlab.kernel.eval.CompilationError;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The kernel class without a Jupyter connection: start-up code, eval, error formatting, is_complete. */
class CamLabKernelTest {
  private static CamLabKernel kernel;

  @BeforeAll
  static void start() {
    kernel = CamLabKernel.start(KernelInfo.load(), KernelSettings.from(Map.of()));
  }

  @AfterAll
  static void stop() {
    kernel.onShutdownForTests();
  }

  @Test
  void startupImportsAndClassPathScriptsRan() throws Exception {
    assertEquals("yes", kernel.eval("startupScriptRan").getData(MIMEType.TEXT_PLAIN));
    assertEquals("[1, 2]", kernel.eval("List.of(1, 2)").getData(MIMEType.TEXT_PLAIN), "java.util.* is imported");
    assertEquals("float32", kernel.eval("DataType.FLOAT32").getData(MIMEType.TEXT_PLAIN), "DJL's types are imported");
    assertEquals("true", kernel.eval("render(\"x\") != null").getData(MIMEType.TEXT_PLAIN), "Display's statics are imported");
  }

  @Test
  void aQuietCellReturnsNothingAndErrorsFormatAsTheirTraceback() throws Exception {
    assertNull(kernel.eval("int quiet = 1;"));
    CompilationError e = assertThrows(CompilationError.class, () -> kernel.eval("int broken = ;"));
    String shown = Ansi.strip(String.join("\n", kernel.formatError(e)));
    assertTrue(shown.contains("1 | int broken = ;"), shown);
  }

  @Test
  void isCompleteSpeaksTheProtocolsWords() {
    assertEquals("complete", kernel.isComplete("int x = 1;"));
    assertEquals("invalid", kernel.isComplete("}}}"));
    assertEquals("    ", kernel.isComplete("while (true) {"));
  }

  @Test
  void theUnsolvedExerciseNoteNamesTheExerciseAndWhereToSolveIt() {
    DisplayData elsewhere = CamLabKernel.notSolvedNote("2.1", "cam(x)");
    assertEquals("⏳ **Exercise 2.1 is not solved yet** — solve it in its cell (marked `// EXERCISE 2.1`), run that cell,"
        + " then run this one again.", elsewhere.getData(MIMEType.TEXT_MARKDOWN));
    assertTrue(elsewhere.getData(MIMEType.TEXT_PLAIN).toString().startsWith("⏳ Exercise 2.1 is not solved yet"));
    DisplayData own = CamLabKernel.notSolvedNote("2.1", "// EXERCISE 2.1 — CAM (3 points)\nint f() { throw new NotSolvedYet(\"2.1\"); }");
    assertTrue(own.getData(MIMEType.TEXT_MARKDOWN).toString().contains("in this cell"));
  }
}
