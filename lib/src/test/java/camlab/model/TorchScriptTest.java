package camlab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import camlab.TestDevice;
import camlab.explain.ActivationMaps;
import camlab.explain.Explainers;
import camlab.explain.Targets;
import camlab.util.Npy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Cross-check against PyTorch: the fixtures in src/test/resources/torchscript were written by
 * tools/torchscript_reference.py, which exports two small models with torch.jit.trace and computes
 * each map with PyTorch's own autograd.
 */
@Tag(TestDevice.ENGINE)
class TorchScriptTest {
  private static final Path FIXTURES = Path.of("src/test/resources/torchscript");

  private static Classifier load(String name, NDManager m, NDArray x) throws Exception {
    return load(name, m, x, false);
  }

  private static Classifier load(String name, NDManager m, NDArray x, boolean inputGradients) throws Exception {
    Path dir = FIXTURES.resolve(name);
    return TorchScriptModels.load(dir.resolve("features.pt"), dir.resolve("head.pt"), x.getShape().slice(1), null, m.getDevice(), inputGradients);
  }

  @ParameterizedTest
  @CsvSource({"gap,cam", "gap,gradcam", "gap,gradcam++", "gap,counterfactual", "fc,gradcam", "fc,gradcam++", "fc,counterfactual",
      "gap,layercam", "gap,xgradcam", "gap,hirescam", "gap,ablationcam", "gap,scorecam", "gap,eigencam", "gap,saliency",
      "gap,integrated-gradients", "gap,smoothgrad", "fc,layercam", "fc,xgradcam", "fc,hirescam", "fc,ablationcam", "fc,scorecam",
      "fc,eigencam", "fc,saliency", "fc,integrated-gradients", "fc,smoothgrad"})
  void mapsMatchPyTorchToARelativeErrorBelow1e4(String model, String method) throws Exception {
    try (NDManager m = TestDevice.manager()) {
      Path dir = FIXTURES.resolve(model);
      NDArray x = Npy.read(m, dir.resolve("x.npy"));
      int[] classes = Arrays.stream(Files.readString(dir.resolve("classes.txt")).trim().split(",")).mapToInt(Integer::parseInt).toArray();
      try (Classifier c = load(model, m, x, Explainers.byName(method).needsInputGradients())) {
        assertTrue(c.isScripted());
        ActivationMaps top1 = Explainers.byName(method).explain(c, x);
        assertClose(Npy.read(m, dir.resolve("ref-" + method + ".npy")), top1.maps(), model + " " + method);
        ActivationMaps given = Explainers.byName(method).explain(c, x, Targets.perImage(classes));
        assertClose(Npy.read(m, dir.resolve("ref-" + method + "-classes.npy")), given.maps(), model + " " + method + " given classes");
      }
    }
  }

  @ParameterizedTest
  @CsvSource({"gap,occlusion", "fc,occlusion", "gap,rise", "fc,rise"})
  void perturbationMapsMatchPyTorchToARelativeErrorBelow1e4(String model, String method) throws Exception {
    // the settings tools/torchscript_reference.py computed its maps with
    camlab.explain.MethodOptions options = method.equals("occlusion")
        ? camlab.explain.MethodOptions.none().with(camlab.explain.MethodOptions.Option.PATCH, 8).with(camlab.explain.MethodOptions.Option.STRIDE, 4)
        : camlab.explain.MethodOptions.none().with(camlab.explain.MethodOptions.Option.MASKS, 200).with(camlab.explain.MethodOptions.Option.SEED, 5);
    try (NDManager m = TestDevice.manager()) {
      Path dir = FIXTURES.resolve(model);
      NDArray x = Npy.read(m, dir.resolve("x.npy"));
      int[] classes = Arrays.stream(Files.readString(dir.resolve("classes.txt")).trim().split(",")).mapToInt(Integer::parseInt).toArray();
      try (Classifier c = load(model, m, x)) {
        assertClose(Npy.read(m, dir.resolve("ref-" + method + ".npy")), Explainers.byName(method, options).explain(c, x).maps(), model + " " + method);
        assertClose(Npy.read(m, dir.resolve("ref-" + method + "-classes.npy")),
            Explainers.byName(method, options).explain(c, x, Targets.perImage(classes)).maps(), model + " " + method + " given classes");
      }
    }
  }

  private static void assertClose(NDArray expected, NDArray actual, String what) {
    assertEquals(expected.getShape(), actual.getShape(), what);
    float scale = Math.max(expected.abs().max().getFloat(), 1e-12f);
    float error = expected.sub(actual).abs().max().getFloat() / scale;
    assertTrue(error < 1e-4, what + ": relative error " + error);
    assertTrue(scale > 1e-8, what + ": the reference map is not all zeros");
  }

  @Test
  void camOnAScriptedHeadWithoutGapAndLinearIsRefused() throws Exception {
    try (NDManager m = TestDevice.manager()) {
      NDArray x = Npy.read(m, FIXTURES.resolve("fc/x.npy"));
      try (Classifier c = load("fc", m, x)) {
        assertTrue(c.linearClassWeights().isEmpty());
        assertThrows(UnsupportedOperationException.class, () -> Explainers.byName("cam").explain(c, x));
      }
    }
  }

  @Test
  void aTruncatedTorchScriptFileIsNamedInOneLineWithTheFix(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
    byte[] whole = java.nio.file.Files.readAllBytes(FIXTURES.resolve("gap/features.pt"));
    Path truncated = tmp.resolve("features.pt");
    java.nio.file.Files.write(truncated, java.util.Arrays.copyOf(whole, whole.length / 2));
    try (NDManager m = TestDevice.manager()) {
      ai.djl.MalformedModelException e = assertThrows(ai.djl.MalformedModelException.class, () -> TorchScriptModels.load(
          truncated, FIXTURES.resolve("gap/head.pt"), new ai.djl.ndarray.types.Shape(3, 32, 32), null, m.getDevice()));
      assertTrue(e.getMessage().contains("Cannot load " + truncated + " as a TorchScript module"), e.getMessage());
      assertTrue(e.getMessage().contains("torch.jit.trace(...).save(...)"), e.getMessage());
      assertTrue(e.getMessage().lines().count() == 1, "one line, not PyTorch's stack: " + e.getMessage());
    }
  }

  @Test
  void mismatchedInputShapeOrMissingFilesAreClearErrors() throws Exception {
    try (NDManager m = TestDevice.manager()) {
      NDArray wrong = m.zeros(new ai.djl.ndarray.types.Shape(1, 5, 32, 32));
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> load("gap", m, wrong));
      assertTrue(e.getMessage().contains("features.pt does not accept"), e.getMessage());
      java.io.IOException missing = assertThrows(java.io.IOException.class, () -> TorchScriptModels.load(
          Path.of("nope/features.pt"), FIXTURES.resolve("gap/head.pt"), wrong.getShape().slice(1), null, m.getDevice()));
      assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());
      IllegalArgumentException misfit = assertThrows(IllegalArgumentException.class, () -> TorchScriptModels.load(
          FIXTURES.resolve("gap/features.pt"), FIXTURES.resolve("gap/features.pt"), new ai.djl.ndarray.types.Shape(3, 32, 32), null, m.getDevice()));
      assertTrue(misfit.getMessage().contains(FIXTURES.resolve("gap/features.pt") + " does not accept the features' output") // named by its path
          && misfit.getMessage().contains("Export features.pt and head.pt from the same model, split at the same layer"), misfit.getMessage());
      assertTrue(misfit.getMessage().lines().count() == 1, misfit.getMessage());
    }
  }
}
