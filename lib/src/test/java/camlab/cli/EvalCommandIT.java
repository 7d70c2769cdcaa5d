package camlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code camlab eval} end to end on quickly trained models (1 epoch on 1,500 images: the GAP-CNN, the NiN-CNN and
 * ACoL), run twice: the numbers must be identical. Everything it writes stays under target/it-home.
 */
class EvalCommandIT {
  private static final String[] KNOBS = {"camlab.train.limit", "1500", "camlab.epochs", "1", "camlab.eval.limit", "200"};

  @BeforeAll
  static void quickModel() {
    for (int i = 0; i < KNOBS.length; i += 2) System.setProperty(KNOBS[i], KNOBS[i + 1]);
    System.setProperty("camlab.home", Path.of("target", "it-home").toAbsolutePath().toString()); // data copy and model cache
  }

  @AfterAll
  static void restore() {
    for (int i = 0; i < KNOBS.length; i += 2) System.clearProperty(KNOBS[i]);
    System.clearProperty("camlab.home");
  }

  @Test
  void twoSeededRunsGiveIdenticalTablesAndFiles(@TempDir Path dir) throws Exception {
    String first = run(dir.resolve("first.json"));
    String second = run(dir.resolve("second.json"));
    assertEquals(withoutSeconds(Files.readString(dir.resolve("first.json"))), withoutSeconds(Files.readString(dir.resolve("second.json"))));
    assertTrue(first.contains("GT-known Loc") && first.contains("image-intensity (baseline)"), first);
    assertTrue(second.contains("Wrote " + dir.resolve("second.md").toAbsolutePath()), second);
    String markdown = Files.readString(dir.resolve("first.md"));
    assertTrue(markdown.startsWith("# Evaluation of gap-cnn, nin-cnn, acol") && markdown.contains("| cam | gap-cnn |"), markdown);
    JsonObject json = JsonParser.parseString(Files.readString(dir.resolve("first.json"))).getAsJsonObject();
    assertEquals(12, json.get("testImages").getAsInt());
    assertEquals(camlab.evaluate.Methods.compared().size(), json.getAsJsonArray("rows").size()); // every compared method and baseline
    json.getAsJsonArray("rows").forEach(r -> {
      JsonObject row = r.getAsJsonObject();
      String method = row.get("method").getAsString();
      assertTrue(!row.has("skipped"), method + " runs on its own architecture: " + row);
      assertEquals(method.equals("conv1x1") ? "nin-cnn" : method.equals("acol") ? "acol" : "gap-cnn", row.get("model").getAsString(), method);
    });
  }

  @Test
  void onOneModelTheMethodsItCannotRunAreSkipped(@TempDir Path dir) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code = new EvalCommand(new PrintStream(out, true, StandardCharsets.UTF_8))
        .run(new String[] {"--model", "gap-cnn", "--methods", "cam,acol", "--limit", "12", "--val-limit", "20", "--steps", "4"});
    assertEquals(0, code);
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("Skipped acol:"), out.toString(StandardCharsets.UTF_8));
  }

  private static String run(Path json) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code = new EvalCommand(new PrintStream(out, true, StandardCharsets.UTF_8))
        .run(new String[] {"--limit", "12", "--val-limit", "40", "--steps", "8", "--json", json.toString()});
    assertEquals(0, code);
    return out.toString(StandardCharsets.UTF_8);
  }

  private static String withoutSeconds(String json) {
    JsonObject root = JsonParser.parseString(json).getAsJsonObject();
    root.getAsJsonArray("rows").forEach(r -> r.getAsJsonObject().remove("seconds"));
    return root.toString();
  }
}
