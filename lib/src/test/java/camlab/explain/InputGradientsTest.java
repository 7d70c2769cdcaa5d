package camlab.explain;

import static camlab.explain.CamTest.identityFeaturesWithWeights;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import camlab.TestDevice;
import camlab.model.Classifier;
import camlab.model.TorchScriptModels;
import camlab.util.Npy;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Gradients with respect to the input through the whole model, the refusal where they cannot flow, maps at input size. */
@Tag(TestDevice.ENGINE)
class InputGradientsTest {
  private static final float[] W = {1, -1, 0.5f, 2}; // [[1, −1], [0.5, 2]]
  private static final Path GAP = Path.of("src/test/resources/torchscript/gap");

  @Test
  void onIdentityFeaturesAndAGapLinearHeadTheInputGradientIsTheClassWeightOverZ() {
    // y_c = (1/4) Σ_ij Σ_k W_ck x_k(ij), so ∂y_c/∂x_k(ij) = W_ck / 4 wherever x is
    try (Classifier model = identityFeaturesWithWeights(W, 2, 2, 2); NDManager m = TestDevice.manager()) {
      NDArray x = m.create(new float[] {1, 2, 3, 4, 0, 1, 0, 1, -1, 0, 2, 5, 3, 3, 3, 3}, new Shape(2, 2, 2, 2));
      InputGradients.Pass pass = InputGradients.at(model, x, Targets.perImage(1, 0), Score.LOGIT, "test");
      assertArrayEquals(new float[] {0.125f, 0.125f, 0.125f, 0.125f, 0.5f, 0.5f, 0.5f, 0.5f, 0.25f, 0.25f, 0.25f, 0.25f, -0.25f, -0.25f,
          -0.25f, -0.25f}, pass.gradients().toFloatArray(), 1e-7f);
      assertArrayEquals(new int[] {1, 0}, pass.classes().classes());
      assertArrayEquals(new float[] {2f, 2.25f, -1.5f, 6.75f}, pass.logits().toFloatArray(), 1e-6f);
      assertTrue(!x.hasGradient(), "the caller's images gain no gradient");
    }
  }

  @Test
  void theSumOverCopiesAddsEveryCopyOnceWhateverThePassesAre() {
    // copy s = (s + 1)·x: the gradient of this linear model is the same at every copy, so the sum is copies · W_c / 4;
    // 70 copies of 2 images take three passes of at most 64 inputs (32 + 32 + 6 copies)
    try (Classifier model = identityFeaturesWithWeights(W, 2, 2, 2); NDManager m = TestDevice.manager()) {
      NDArray x = m.randomUniform(-1, 1, new Shape(2, 2, 2, 2));
      int[] made = new int[70];
      NDArray sum = InputGradients.sumOverCopies(model, m, 2, new int[] {0, 1}, 70, (manager, s) -> {
        made[s]++;
        return x.mul(s + 1f);
      }, "test");
      float[] expected = new float[16];
      for (int p = 0; p < 4; p++) {
        expected[p] = 70 * 0.25f;
        expected[4 + p] = 70 * -0.25f;
        expected[8 + p] = 70 * 0.125f;
        expected[12 + p] = 70 * 0.5f;
      }
      assertArrayEquals(expected, sum.toFloatArray(), 1e-4f);
      for (int count : made) assertEquals(1, count);
    }
  }

  @Test
  void aTorchScriptModelGivesInputGradientsOnlyWhenLoadedWithThem() throws Exception {
    try (NDManager m = TestDevice.manager()) {
      NDArray x = Npy.read(m, GAP.resolve("x.npy"));
      try (Classifier without = TorchScriptModels.load(GAP.resolve("features.pt"), GAP.resolve("head.pt"), x.getShape().slice(1), null, m.getDevice())) {
        assertTrue(!without.supportsInputGradients());
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, () -> without.requireInputGradients("saliency"));
        assertTrue(e.getMessage().startsWith("saliency needs the gradient with respect to the input, and is not supported for the torchscript model"
            + " because its features module was loaded without gradients"), e.getMessage());
      }
      try (Classifier with = TorchScriptModels.load(GAP.resolve("features.pt"), GAP.resolve("head.pt"), x.getShape().slice(1), null, m.getDevice(),
          true)) {
        // the directional derivative along a random d, by central differences, against Σ g·d
        int[] classes = {4, 0, 2, 1};
        NDArray g = InputGradients.of(with, x, classes, "test");
        Engine.getInstance().setRandomSeed(3);
        NDArray d = m.randomNormal(x.getShape());
        float eps = 1e-2f;
        float[] up = with.logits(x.add(d.mul(eps))).toFloatArray();
        float[] down = with.logits(x.sub(d.mul(eps))).toFloatArray();
        float[] analytic = g.mul(d).sum(new int[] {1, 2, 3}).toFloatArray();
        int numClasses = with.numClasses();
        for (int b = 0; b < classes.length; b++) {
          double numeric = (up[b * numClasses + classes[b]] - down[b * numClasses + classes[b]]) / (2 * eps);
          assertEquals(numeric, analytic[b], 2e-2 * Math.max(1, Math.abs(numeric)), "image " + b);
        }
      }
    }
  }

  @Test
  void mapsAlreadyAtTheRequestedSizeAreLeftAsTheyAre() {
    try (NDManager m = TestDevice.manager()) {
      NDArray maps = m.create(new float[] {0, 1, 2, 3, 4, 5}, new Shape(1, 2, 3));
      ActivationMaps a = new ActivationMaps("x", maps, new int[] {0}, m.zeros(new Shape(1, 2)));
      assertSame(maps, a.upsample(2, 3).maps());
      assertSame(maps, a.upsample(2, 3, ActivationMaps.Interpolation.BICUBIC).maps());
      assertArrayEquals(new float[] {0, 0.2f, 0.4f, 0.6f, 0.8f, 1}, a.upsampleThenNormalize(2, 3, ActivationMaps.Normalization.MIN_MAX).maps()
          .toFloatArray(), 1e-6f);
      assertEquals(new Shape(1, 4, 6), a.upsample(4, 6).maps().getShape());
    }
  }
}
