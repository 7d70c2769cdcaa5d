package camlab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@link TestDevice}: what the property selects, and that the tests that touch the engine all run on it — so that
 * {@code -Dcamlab.test.device=gpu} moves every one of them to the GPU, and a GPU check that runs the tag
 * {@value TestDevice#ENGINE} runs them all.
 */
@Tag(TestDevice.ENGINE)
class TestDeviceTest {
  /**
   * What makes a test touch the engine: arrays or models. A command-line test that runs a model gives the command
   * {@code --device TestDevice.name()}, which this pattern sees too.
   */
  private static final Pattern TOUCHES_ENGINE = Pattern.compile(
      "\\bNDManager\\b|\\bArchitectures\\.|\\bClassifier\\.create\\(|\\bTorchScriptModels\\.load\\(|\\bModelCache\\.|TestDevice\\.name\\(\\)");
  /** Ways to pick a device past the helper: the engine's default manager, a pinned CPU, a null device left to DJL. */
  /** Tablesaw's tables: the GPU kit leaves out the 23 MiB of fastutil they load, so engine tests check numbers without them. */
  private static final Pattern TABLES = Pattern.compile("\\.table\\(\\)|\\.sanityTable\\(\\)|tech\\.tablesaw");
  private static final Pattern BYPASSES_HELPER = Pattern.compile(
      "NDManager\\.newBaseManager\\(|Device\\.cpu\\(\\)(?!\")|(Architectures\\.\\w+|Classifier\\.create)\\([^;]*,\\s*null\\)"
          + "|loadOrTrain\\([^;]*,\\s*null\\s*,");

  @Test
  void thePropertyNamesTheDeviceAndUnsetOrBlankMeansTheCpu() {
    withProperty("cpu", () -> assertEquals(Device.cpu(), TestDevice.get()));
    withProperty(" CPU ", () -> assertEquals(Device.cpu(), TestDevice.get()));
    if (System.getenv(TestDevice.ENVIRONMENT) == null) {
      withProperty(null, () -> assertEquals("cpu", TestDevice.name()));
      withProperty("", () -> assertEquals(Device.cpu(), TestDevice.get()));
    }
    int gpus = Engine.getInstance().getGpuCount();
    withProperty("gpu:" + gpus, () -> {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, TestDevice::get);
      assertTrue(e.getMessage().contains("GPU " + gpus + " was requested"), e.getMessage());
    });
    withProperty("tpu", () -> assertThrows(IllegalArgumentException.class, TestDevice::get));
  }

  @Test
  void everyTestThatTouchesTheEngineIsTaggedAndRunsOnTheTestDevice() throws IOException {
    Path tests = RepositoryFiles.root().resolve("lib/src/test/java");
    List<String> untagged = new ArrayList<>();
    List<String> bypassing = new ArrayList<>();
    List<String> withTables = new ArrayList<>();
    int engineTests = 0;
    try (Stream<Path> files = Files.walk(tests)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String name = tests.relativize(file).toString();
        if (name.endsWith("TestDevice.java") || name.endsWith("TestDeviceTest.java")) continue;
        String source = Files.readString(file);
        if (BYPASSES_HELPER.matcher(source).find()) bypassing.add(name);
        if (!TOUCHES_ENGINE.matcher(source).find()) continue;
        engineTests++;
        if (!source.contains("@Tag(TestDevice.ENGINE)") || !source.contains("TestDevice.")) untagged.add(name);
        if (TABLES.matcher(source).find()) withTables.add(name);
      }
    }
    assertTrue(engineTests >= 15, "found only " + engineTests + " engine tests under " + tests);
    assertEquals(List.of(), untagged, "engine tests without @Tag(TestDevice.ENGINE) or without the TestDevice helper");
    assertEquals(List.of(), bypassing, "tests that pick their device past TestDevice (use TestDevice.get() / manager())");
    assertEquals(List.of(), withTables, "engine tests that build Tablesaw tables, which the GPU kit cannot (test the table on hand-made rows)");
  }

  @Test
  void theGuardRecognisesWhatItLooksFor() {
    assertTrue(TOUCHES_ENGINE.matcher("try (NDManager m = TestDevice.manager())").find());
    assertTrue(TOUCHES_ENGINE.matcher("run(\"explain\", \"--device\", TestDevice.name(), \"--input\", x)").find());
    assertTrue(!TOUCHES_ENGINE.matcher("refused(\"--model needs a value.\", \"train\", \"--model\")").find(), "bad input refused up front");
    assertTrue(BYPASSES_HELPER.matcher("NDManager.newBaseManager()").find());
    assertTrue(TABLES.matcher("assertEquals(4, report.table().rowCount());").find());
    assertTrue(BYPASSES_HELPER.matcher("Architectures.gapCnn(64, names(10), null)").find());
    assertTrue(BYPASSES_HELPER.matcher("Classifier.create(\"x\", f, h, new Shape(1, 2, 2), names,\n    null)").find());
    assertTrue(BYPASSES_HELPER.matcher("model = Architectures.gapCnn(32, TEN, Device.cpu());").find());
    assertTrue(BYPASSES_HELPER.matcher("ModelCache.loadOrTrain(\"gap-cnn\", data, TINY, null, log::add)").find());
    assertTrue(!BYPASSES_HELPER.matcher("Architectures.gapCnn(64, names(10), TestDevice.get())").find());
    assertTrue(!BYPASSES_HELPER.matcher("refuses(..., \"Device.cpu()\")").find(), "a message that names the call is not a call");
  }

  private static void withProperty(String value, Runnable body) {
    String saved = System.getProperty(TestDevice.PROPERTY);
    try {
      if (value == null) System.clearProperty(TestDevice.PROPERTY);
      else System.setProperty(TestDevice.PROPERTY, value);
      body.run();
    } finally {
      if (saved == null) System.clearProperty(TestDevice.PROPERTY);
      else System.setProperty(TestDevice.PROPERTY, saved);
    }
  }
}
