package camlab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import camlab.viz.Overlay;
import java.awt.image.BufferedImage;
import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "Use the library from Java" block compiles as written, without a warning, and runs: on a GAP-CNN
 * trained for one step on 64 canvases (the knobs, in a temporary model cache) it writes a PNG of two rows of eight
 * overlays — CAM's and Grad-CAM's — each tile with its green true box.
 */
class ReadmeTourTest {
  static final String SECTION = "## Use the library from Java";
  private static final String[] KNOBS = {"camlab.train.limit", "64", "camlab.epochs", "1", "camlab.eval.limit", "64"};

  @TempDir static Path work;

  @BeforeAll
  static void quickModel() {
    for (int i = 0; i < KNOBS.length; i += 2) System.setProperty(KNOBS[i], KNOBS[i + 1]);
    System.setProperty("camlab.cache", work.resolve("cache").toString());
  }

  @AfterAll
  static void restore() {
    for (int i = 0; i < KNOBS.length; i += 2) System.clearProperty(KNOBS[i]);
    System.clearProperty("camlab.cache");
  }

  /** The first java block under the section's heading, as the README shows it. */
  static String tourSource(String readme) {
    int section = readme.indexOf("\n" + SECTION + "\n");
    assertTrue(section >= 0, "README.md has no '" + SECTION + "' section");
    Matcher block = Pattern.compile("\n```java\n(.*?)\n```\n", Pattern.DOTALL).matcher(readme);
    assertTrue(block.find(section), "no ```java block under '" + SECTION + "'");
    String next = readme.substring(section + 1, block.start());
    assertTrue(!next.contains("\n## "), "the java block must be in the '" + SECTION + "' section itself");
    return block.group(1) + "\n";
  }

  /** The public class the block declares. */
  static String className(String source) {
    Matcher m = Pattern.compile("(?m)^public (?:final )?class (\\w+)").matcher(source);
    assertTrue(m.find(), "the tour must declare a public class:\n" + source);
    return m.group(1);
  }

  @Test
  void findsTheBlockOfItsSectionOnly() {
    String readme = "# T\n\n## Other\n\n```java\nclass Wrong {}\n```\n\n" + SECTION + "\n\ntext\n\n```java\npublic class Right {}\n```\n";
    assertEquals("public class Right {}\n", tourSource(readme));
    assertEquals("Right", className(tourSource(readme)));
  }

  @Test
  void theReadmeTourCompilesAndWritesTheOverlays() throws Exception {
    String source = tourSource(Files.readString(RepositoryFiles.root().resolve("README.md")));
    long lines = source.lines().filter(l -> !l.isBlank() && !l.startsWith("import ")).count();
    assertTrue(lines <= 20, "the tour should stay short; it has " + lines + " lines besides its imports");
    Path classes = compile(className(source), source);

    Path png = work.resolve("overlays.png");
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
      Method main = loader.loadClass(className(source)).getMethod("main", String[].class);
      try {
        main.invoke(null, (Object) new String[] {png.toString()});
      } catch (InvocationTargetException e) {
        throw new AssertionError("the README's tour failed: " + e.getCause(), e.getCause());
      }
    }

    try (Stream<Path> models = Files.list(work.resolve("cache").resolve("models"))) {
      assertEquals(1, models.count(), "the tour trains (then caches) one quick GAP-CNN under the knobs");
    }
    BufferedImage picture = ImageIO.read(png.toFile());
    // Gallery.grid: a row of eight 128-px tiles is 8·(128 + 6) + 6 = 1078 wide and 6 + 128 + 28 + 6 = 168 high;
    // the two rows stacked with their captions: 1078 + 2·6 wide, 2·(168 + 28 + 6) + 6 high
    assertEquals(1090, picture.getWidth());
    assertEquals(410, picture.getHeight());
    int[] tileRows = {6 + 6, 6 + 168 + 28 + 6 + 6}; // the tiles' top edges in the CAM and the Grad-CAM row
    for (int top : tileRows) {
      for (int tile = 0; tile < 8; tile++) {
        int left = 6 + 6 + tile * (128 + 6);
        assertTrue(countColour(picture, left, top, 128, Overlay.TRUE_BOX.getRGB()) > 0, "tile " + tile + " at y " + top + " has its true box");
        assertTrue(distinctColours(picture, left, top, 128) > 20, "tile " + tile + " at y " + top + " shows a map over an image");
      }
    }
  }

  private static Path compile(String name, String source) throws Exception {
    Path sources = Files.createDirectories(work.resolve("src"));
    Path classes = Files.createDirectories(work.resolve("classes"));
    Path file = Files.writeString(sources.resolve(name + ".java"), source);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, null)) {
      List<String> options = List.of("-Xlint:all,-path", "-proc:none", "-classpath", System.getProperty("java.class.path"), "-d", classes.toString());
      boolean ok = javac.getTask(null, files, diagnostics, options, null, files.getJavaFileObjects(file.toFile())).call();
      List<String> problems = new ArrayList<>();
      for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
        if (d.getKind() != Diagnostic.Kind.NOTE) problems.add(d.getKind() + " line " + d.getLineNumber() + ": " + d.getMessage(null));
      }
      assertTrue(ok && problems.isEmpty(), "the README's java block must compile without warnings:\n" + String.join("\n", problems));
    }
    assertTrue(new File(classes.toFile(), name + ".class").isFile());
    return classes;
  }

  private static int countColour(BufferedImage picture, int left, int top, int size, int argb) {
    int n = 0;
    for (int y = top; y < top + size; y++) {
      for (int x = left; x < left + size; x++) if (picture.getRGB(x, y) == argb) n++;
    }
    return n;
  }

  private static long distinctColours(BufferedImage picture, int left, int top, int size) {
    return Stream.iterate(top, y -> y < top + size, y -> y + 1)
        .flatMapToInt(y -> java.util.stream.IntStream.range(left, left + size).map(x -> picture.getRGB(x, y))).distinct().count();
  }
}
