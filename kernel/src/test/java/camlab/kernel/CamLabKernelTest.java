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

  @Test
  void ijavasInlineMagicGivesItsValueToTheDeclaration() throws Exception {
    java.nio.file.Path folder = java.nio.file.Files.createTempDirectory("inline-jars");
    try (var jar = new java.util.jar.JarOutputStream(java.nio.file.Files.newOutputStream(folder.resolve("one-1.0.jar")))) {
      jar.finish();
    }
    String path = folder.toString().replace("\\", "/");
    assertNull(kernel.eval("List<String> added = %jars " + path + "/*.jar"));
    assertEquals("1", kernel.eval("added.size()").getData(MIMEType.TEXT_PLAIN));
    assertEquals("true", kernel.eval("var again = %jars " + path + "/one-1.0.jar;\nagain.get(0).endsWith(\"one-1.0.jar\")")
        .getData(MIMEType.TEXT_PLAIN), "var gets the magic's type");
    camlab.kernel.magic.MagicError e = assertThrows(camlab.kernel.magic.MagicError.class, () -> kernel.eval("var nothing = %lsmagic"));
    assertTrue(e.getMessage().startsWith("%lsmagic gives no value"), e.getMessage());
  }

  @Test
  void arraysAndImagesShowShortStableText() throws Exception {
    assertEquals("int[3] { 1, 2, 3 }", kernel.eval("new int[] {1, 2, 3}").getData(MIMEType.TEXT_PLAIN));
    assertEquals("<image 8×2>", kernel.eval("new java.awt.image.BufferedImage(8, 2, 1)").getData(MIMEType.TEXT_PLAIN));
  }

  @Test
  void outputLimitsReadLikeSizes() {
    assertEquals(2_000_000, KernelSettings.bytes("2MB"));
    assertEquals(500_000, KernelSettings.bytes("500 kb"));
    assertEquals(4096, KernelSettings.bytes("4096"));
    assertEquals(Long.MAX_VALUE, KernelSettings.bytes("off"));
    KernelSettings bad = KernelSettings.from(Map.of("CAMLAB_OUTPUT_LIMIT", "lots"));
    assertEquals(KernelSettings.DEFAULT_OUTPUT_LIMIT, bad.outputLimit());
    assertTrue(bad.problems().startsWith("CAMLAB_OUTPUT_LIMIT ignored: 'lots' is not a size"), bad.problems());
  }
}
