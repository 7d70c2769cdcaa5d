package camlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import camlab.kernel.eval.Ansi;
import camlab.kernel.eval.CompilationError;
import camlab.kernel.eval.UncaughtException;
import camlab.kernel.extension.Extensions;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The kernel class without a Jupyter connection: start-up code, extensions, eval, error formatting, is_complete. */
class CamLabKernelTest {
  private static final ByteArrayOutputStream LOG = new ByteArrayOutputStream();
  private static final TestExtension EXTENSION = new TestExtension();
  private static CamLabKernel kernel;
  private static String startupErrors;

  @BeforeAll
  static void start() {
    PrintStream log = new PrintStream(LOG, true, StandardCharsets.UTF_8);
    PrintStream old = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      kernel = CamLabKernel.start(KernelSettings.from(Map.of()), Extensions.of(List.of(EXTENSION, new TestExtension.Broken()), log));
    } finally {
      System.setErr(old);
    }
    startupErrors = err.toString(StandardCharsets.UTF_8);
  }

  @AfterAll
  static void stop() {
    kernel.onShutdownForTests();
  }

  private static String text(DisplayData d) {
    return String.valueOf(d.getData(MIMEType.TEXT_PLAIN));
  }

  @Test
  void theKernelsImportsAndTheExtensionsStartupCodeRan() throws Exception {
    assertEquals("yes", text(kernel.eval("startupScriptRan")), "after the kernel's imports: it uses List");
    assertEquals("[1, 2]", text(kernel.eval("List.of(1, 2)")), "java.util.* is imported");
    assertEquals("true", text(kernel.eval("render(\"x\") != null")), "Display's statics are imported");
    assertEquals("after the failing one", text(kernel.eval("laterStartup")), "a failing snippet does not stop the rest");
    assertTrue(startupErrors.contains("startup code from the extension " + TestExtension.class.getName() + " failed"),
        startupErrors);
  }

  @Test
  void anExtensionsRendererShowsItsType() throws Exception {
    assertEquals("<b>7</b>", kernel.eval("new camlab.kernel.TestExtension.Badge(7)").getData(MIMEType.TEXT_HTML));
  }

  @Test
  void anExceptionTheExtensionRendersEndsTheCellWithItsBundleInstead() throws Exception {
    PrintStream old = System.out;
    ByteArrayOutputStream shown = new ByteArrayOutputStream();
    System.setOut(new PrintStream(shown, true, StandardCharsets.UTF_8));
    try {
      assertNull(kernel.eval("int later() { throw new camlab.kernel.TestExtension.Later(\"9.9\"); }\nlater()"));
    } finally {
      System.setOut(old);
    }
    assertTrue(shown.toString(StandardCharsets.UTF_8).contains("later: 9.9"), shown.toString(StandardCharsets.UTF_8));
    UncaughtException other = assertThrows(UncaughtException.class, () -> kernel.eval("throw new IllegalStateException(\"x\");"));
    assertTrue(other.getMessage().contains("IllegalStateException"), other.getMessage());
  }

  @Test
  void afterEveryCellTheExtensionSeesItsCodeFailedCellsAndLoadedNotebookCellsToo() throws Exception {
    kernel.eval("int seen = 1;");
    assertEquals("int seen = 1;", EXTENSION.lastCell());
    assertThrows(CompilationError.class, () -> kernel.eval("int broken = nope;"));
    assertEquals("int broken = nope;", EXTENSION.lastCell());
    Path nb = Files.createTempFile("loaded", ".ipynb");
    Files.writeString(nb, "{\"cells\": [{\"cell_type\": \"code\", \"source\": [\"int fromNotebook = 2;\"]}],"
        + " \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}");
    String load = "%load " + nb.toString().replace("\\", "/");
    kernel.eval(load);
    List<String> cells = EXTENSION.cells();
    assertEquals(List.of("int fromNotebook = 2;", load), cells.subList(cells.size() - 2, cells.size()),
        "the notebook's cell, then the cell that loaded it");
    assertTrue(LOG.toString(StandardCharsets.UTF_8).contains("Broken failed in afterCell(): java.lang.IllegalStateException"),
        "a failing hook is reported and the cell still ran");
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
  void kernelInfoAddsTheExtensionsBannerLinesAndHelpLinks() {
    KernelInfo info = KernelInfo.load().with(Extensions.of(List.of(EXTENSION), System.err));
    assertTrue(info.banner().contains("\nTest extension 1.0\n"), info.banner());
    assertEquals("Test docs", info.helpLinks().get(1).getAsJsonObject().get("text").getAsString());
    String plain = KernelInfo.load().banner();
    assertTrue(plain.startsWith("CamLab Java kernel ") && !plain.contains("Test extension"), plain);
  }

  @Test
  void extensionsAreFoundWithTheServiceLoader() {
    Extensions found = Extensions.load(CamLabKernelTest.class.getClassLoader(), System.err);
    assertEquals(List.of(TestExtension.class), found.all().stream().map(Object::getClass).toList(),
        "src/test/resources/META-INF/services names it");
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
