package camlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.engine.Engine;
import camlab.TestDevice;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plumbing of `camlab bench` on the small GAP-CNN with one repetition: what the JSON holds, not how fast. */
@Tag(TestDevice.ENGINE)
class BenchCommandTest {
  @TempDir Path tmp;

  private record Outcome(int code, String err) {}

  private static Outcome run(String... args) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, System.out, new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Outcome(code, err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void timingJsonHasEveryMethodWithPositiveNumbers() throws Exception {
    Path json = tmp.resolve("bench.json");
    Outcome o = run("bench", "--device", TestDevice.name(), "--models", "gap-cnn", "--batches", "2", "--reps", "1", "--warmup", "0",
        "--json", json.toString());
    assertEquals(0, o.code(), o.err());
    JsonObject root = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
    JsonObject machine = root.getAsJsonObject("machine");
    assertTrue(machine.get("cores").getAsInt() >= 1);
    assertTrue(machine.get("intraOpThreads").getAsInt() >= 1);
    assertNotNull(machine.get("loadAverage"));
    assertEquals(String.valueOf(System.getenv("GLIBC_TUNABLES")), machine.get("glibcTunables").getAsString());
    JsonArray rows = root.getAsJsonArray("rows");
    List<String> what = new ArrayList<>();
    for (JsonElement e : rows) {
      JsonObject r = e.getAsJsonObject();
      assertEquals("gap-cnn", r.get("model").getAsString());
      assertEquals(2, r.get("batch").getAsInt());
      for (String key : List.of("ms", "forwardMs", "ratioToForward", "imagesPerSecond")) {
        assertTrue(r.get(key).getAsDouble() > 0, key + " of " + r);
      }
      if (!r.get("target").isJsonNull()) assertEquals(r.get("ratioToForward").getAsDouble() <= r.get("target").getAsDouble(),
          r.get("meetsTarget").getAsBoolean(), r.toString());
      what.add(r.get("what").getAsString());
    }
    assertEquals(List.of("forward", "cam", "gradcam", "gradcam++", "forward (nin head)", "conv1x1", "forward (acol head)", "acol",
        "upsample+normalize"), what.subList(0, 9));
    List<String> perturbation = List.of("forward (64 masked images)",
        "occlusion floor: forward + 7.03 forward passes of 64 (225 windows of 8x8, stride 4)", "occlusion",
        "rise floor: forward + 7.81 forward passes of 64 (250 masks)", "rise", "guided-backprop", "guided-gradcam");
    assertEquals(perturbation, what.subList(what.size() - perturbation.size(), what.size()), "occlusion, RISE and the guided methods come last");
    List<String> family = what.subList(9, what.size() - perturbation.size());
    List<String> timed = new ArrayList<>(camlab.bench.FamilyBench.METHODS);
    timed.add(timed.indexOf("ablationcam") + 1, camlab.bench.FamilyBench.ABLATION_HEAD_PASSES);
    assertEquals(timed, family.stream().filter(w -> !w.contains(" floor: ")).toList());
    assertEquals(List.of("ablationcam floor: forward + 1 head pass of 256", "ablationcam (nin head) floor: forward + 1 head pass of 256",
        "scorecam floor: forward + 4 forward passes of 64", "integrated-gradients floor: forward + 1 forward+backward pass of 64",
        "smoothgrad floor: forward + 1 forward+backward pass of 50"), family.stream().filter(w -> w.contains(" floor: ")).toList());
    for (int i = 0; i < rows.size(); i++) { // every floor row comes right before its method's row, which is held to 1.2 × the floor
      JsonObject r = rows.get(i).getAsJsonObject();
      if (!r.get("what").getAsString().contains(" floor: ")) continue;
      JsonObject method = rows.get(i + 1).getAsJsonObject();
      assertTrue(r.get("what").getAsString().startsWith(method.get("what").getAsString() + " floor: "), r + " then " + method);
      assertEquals(1.2 * r.get("ratioToForward").getAsDouble(), method.get("target").getAsDouble(), 1.5e-3, method.toString()); // both rounded
    }
    JsonObject training = root.getAsJsonObject("training");
    assertEquals(64, training.get("batch").getAsInt());
    for (String key : List.of("inferenceImagesPerSecond", "trainingImagesPerSecond", "trainingToInference")) {
      assertTrue(training.get(key).getAsDouble() > 0, key);
    }
    assertTrue(root.get("peakRssMb").getAsDouble() > 0);
    assertEquals("fast", root.get("kernels").getAsString());
  }

  @Test
  void memoryModeReportsTheCurveAndAConstantModelManager() throws Exception {
    Path json = tmp.resolve("memory.json");
    Outcome o = run("bench", "--device", TestDevice.name(), "--memory", "30", "--methods", "occlusion,rise,guided-backprop,guided-gradcam", "--json",
        json.toString());
    assertEquals(0, o.code(), o.err());
    JsonObject memory = JsonParser.parseString(Files.readString(json)).getAsJsonObject().getAsJsonObject("memory");
    assertEquals(30, memory.get("calls").getAsInt());
    assertEquals(Set.of("cam", "gradcam", "gradcam++"), Set.copyOf(memory.getAsJsonArray("methods").asList().stream().map(JsonElement::getAsString).toList()));
    JsonObject perMethod = memory.getAsJsonObject("perMethod");
    assertEquals(Set.of("occlusion", "rise", "guided-backprop", "guided-gradcam"), perMethod.keySet(), "each chosen method in a loop of its own");
    for (String name : perMethod.keySet()) {
      JsonObject one = perMethod.getAsJsonObject(name);
      assertEquals(30, one.get("calls").getAsInt(), name);
      assertEquals(2, one.get("batch").getAsInt(), name);
      assertEquals(one.get("modelArraysBefore").getAsInt(), one.get("modelArraysAtEnd").getAsInt(), name + " leaves no array in the model's manager");
    }
    assertTrue(memory.get("rssFirstMb").getAsDouble() > 0);
    assertEquals(5000, memory.get("nativeHeapTrimIntervalMs").getAsLong(), "the build's JVM flags trim the native heap");
    assertTrue(memory.get("rssMaxMb").getAsDouble() >= memory.get("rssLastMb").getAsDouble());
    JsonArray curve = memory.getAsJsonArray("curve");
    assertEquals(0, curve.get(0).getAsJsonArray().get(0).getAsInt());
    assertEquals(30, curve.get(curve.size() - 1).getAsJsonArray().get(0).getAsInt());
    assertEquals(memory.get("modelArraysAfterWarmUp").getAsInt(), memory.get("modelArraysAtEnd").getAsInt());
    assertEquals(memory.get("modelArraysBefore").getAsInt(), memory.get("modelArraysAtEnd").getAsInt());
    JsonArray middle = curve.get(curve.size() / 2).getAsJsonArray();
    assertEquals(middle.get(0).getAsInt(), memory.get("secondHalfFromCall").getAsInt());
    double secondHalf = 100 * (memory.get("rssLastMb").getAsDouble() - middle.get(1).getAsDouble()) / middle.get(1).getAsDouble();
    assertEquals(secondHalf, memory.get("driftSecondHalfPercent").getAsDouble(), 0.05, "from the rounded curve");
    if (Files.exists(Path.of("/etc/debian_version"))) { // glibc: the allocator's free memory is handed back once at the end
      assertTrue(memory.get("rssAfterMallocTrimMb").getAsDouble() > 0, memory.toString());
    }
  }

  @Test
  void aMissingGpuIsBadInputThatSaysHowToRunOnCuda() {
    assumeTrue(Engine.getInstance().getGpuCount() == 0, "this machine has a GPU");
    Outcome o = run("bench", "--device", "gpu", "--models", "gap-cnn");
    assertEquals(2, o.code());
    assertTrue(o.err().contains("no GPU found") && o.err().contains("-Pcuda"), o.err());
  }

  @Test
  void badOptionsAreOneLineErrors() {
    assertEquals(2, run("bench", "--reps", "0").code());
    Outcome unknown = run("bench", "--models", "vgg16");
    assertEquals(2, unknown.code());
    assertTrue(unknown.err().contains("gap-cnn"), unknown.err());
    assertEquals(2, run("bench", "--memory", "-3").code());
    Outcome kernels = run("bench", "--kernels", "slow");
    assertEquals(2, kernels.code());
    assertTrue(kernels.err().contains("fast or reference"), kernels.err());
  }
}
