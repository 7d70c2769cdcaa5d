package camlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import camlab.evaluate.MapMethod;
import camlab.evaluate.Methods;
import camlab.util.Knobs;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Command-line parsing of {@code camlab eval}; the full run is EvalCommandIT. */
class EvalCommandTest {
  @Test
  void defaults() {
    EvalCommand.Options o = EvalCommand.parse(new String[0]);
    assertNull(o.model(), "each method on its own architecture");
    assertEquals(Knobs.evalLimit(), o.limit());
    assertEquals(0, o.valLimit());
    assertNull(o.json());
    assertNull(o.markdown());
    assertEquals(java.util.List.of("cam", "gradcam", "gradcam++", "conv1x1", "acol", "layercam", "xgradcam", "hirescam", "ablationcam", "scorecam", "eigencam", "saliency",
        "integrated-gradients", "smoothgrad", "occlusion", "rise", "guided-backprop", "guided-gradcam", "center-gaussian",
        "image-intensity"),
        o.methods().stream().map(MapMethod::name).toList());
    assertEquals(64, o.settings().steps());
    assertEquals(0, o.settings().sanityImages());
    assertEquals(0, o.settings().faithfulnessImages());
  }

  @Test
  void eachMethodRunsOnItsOwnArchitectureUnlessAModelIsGiven() {
    var plan = EvalCommand.plan(EvalCommand.parse(new String[0]));
    assertEquals(java.util.List.of("gap-cnn", "nin-cnn", "acol"), java.util.List.copyOf(plan.keySet()));
    assertEquals(java.util.List.of("cam", "gradcam", "gradcam++", "layercam", "xgradcam", "hirescam", "ablationcam", "scorecam", "eigencam", "saliency",
        "integrated-gradients", "smoothgrad", "occlusion", "rise", "guided-backprop", "guided-gradcam", "center-gaussian",
        "image-intensity"),
        plan.get("gap-cnn").stream().map(MapMethod::name).toList());
    assertEquals(java.util.List.of("conv1x1"), plan.get("nin-cnn").stream().map(MapMethod::name).toList());
    assertEquals(java.util.List.of("acol"), plan.get("acol").stream().map(MapMethod::name).toList());

    var onOneModel = EvalCommand.plan(EvalCommand.parse(new String[] {"--model", "nin-cnn", "--faithfulness-limit", "100"}));
    assertEquals(java.util.List.of("nin-cnn"), java.util.List.copyOf(onOneModel.keySet()));
    assertEquals(Methods.all().size(), onOneModel.get("nin-cnn").size());
  }

  @Test
  void markdownGoesNextToTheJsonUnlessGiven() {
    EvalCommand.Options o = EvalCommand.parse(new String[] {"--json", "out/report.json", "--limit", "500", "--steps", "16"});
    assertEquals(Path.of("out/report.json"), o.json());
    assertEquals(Path.of("out/report.md"), o.markdown());
    assertEquals(500, o.limit());
    assertEquals(16, o.settings().steps());
    EvalCommand.Options explicit = EvalCommand.parse(new String[] {"--json=a.json", "--markdown", "b.md", "--methods", "cam,center-gaussian", "--sanity", "20"});
    assertEquals(Path.of("b.md"), explicit.markdown());
    assertEquals(2, explicit.methods().size());
    assertEquals(20, explicit.settings().sanityImages());
  }

  @Test
  void badInputIsAUsageErrorWithExitCodeTwo() {
    assertThrows(Args.UsageException.class, () -> EvalCommand.parse(new String[] {"--limit", "-1"}));
    assertThrows(Args.UsageException.class, () -> EvalCommand.parse(new String[] {"--limit", "many"}));
    assertThrows(Args.UsageException.class, () -> EvalCommand.parse(new String[] {"--steps", "0"}));
    assertThrows(Args.UsageException.class, () -> EvalCommand.parse(new String[] {"--model", "vgg16"}));
    assertThrows(Args.UsageException.class, () -> EvalCommand.parse(new String[] {"--bogus"}));
    assertThrows(Args.UsageException.class, () -> EvalCommand.parse(new String[] {"results.json"}));
    assertThrows(IllegalArgumentException.class, () -> EvalCommand.parse(new String[] {"--methods", "cam,no-such-method"}));

    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(new String[] {"eval", "--steps", "0"}, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(2, code);
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("--steps must be at least 1"), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void methodSettingsGoToTheMethodsThatTakeThemAndAreNoted() {
    EvalCommand.Options o = EvalCommand.parse(new String[] {"--methods", "gradcam,rise,occlusion", "--masks", "250", "--patch", "6"});
    assertEquals(250, ((camlab.explain.Rise) o.methods().get(1).explainer().orElseThrow()).maskCount());
    camlab.explain.Occlusion occlusion = (camlab.explain.Occlusion) o.methods().get(2).explainer().orElseThrow();
    assertEquals(6, occlusion.patch());
    assertEquals(camlab.explain.Occlusion.DEFAULT_STRIDE, occlusion.stride());
    assertEquals(java.util.List.of("rise ran with --masks 250 (its other settings at their defaults).",
        "occlusion ran with --patch 6 (its other settings at their defaults)."), EvalCommand.settingNotes(o));

    EvalCommand.Options defaults = EvalCommand.parse(new String[] {"--methods", "rise"});
    assertEquals(camlab.explain.Rise.DEFAULT_MASKS, ((camlab.explain.Rise) defaults.methods().get(0).explainer().orElseThrow()).maskCount());
    assertEquals(java.util.List.of(), EvalCommand.settingNotes(defaults));

    EvalCommand.Options seeded = EvalCommand.parse(new String[] {"--seed", "7"});
    assertEquals(7, seeded.methods().stream().filter(m -> m.name().equals("rise")).findFirst().orElseThrow().explainer()
        .map(e -> ((camlab.explain.Rise) e).seed()).orElseThrow());
    assertEquals(2, EvalCommand.settingNotes(seeded).size(), "smoothgrad and rise take the seed");
  }

  @Test
  void aMethodSettingNoChosenMethodTakesIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> EvalCommand.parse(new String[] {"--methods", "gradcam,cam", "--masks", "250"}));
    assertTrue(e.getMessage().contains("--masks applies to rise") && e.getMessage().contains("[gradcam, cam]"), e.getMessage());
    assertThrows(Args.UsageException.class, () -> EvalCommand.parse(new String[] {"--methods", "rise", "--masks", "0"}));
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(new String[] {"eval", "--methods", "occlusion", "--samples", "4"}, new PrintStream(new ByteArrayOutputStream()),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(2, code);
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("--samples applies to smoothgrad"), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void helpListsTheCommand() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Main.run(new String[] {"help"}, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("  eval "), out.toString(StandardCharsets.UTF_8));
  }
}
