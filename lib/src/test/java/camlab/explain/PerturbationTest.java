package camlab.explain;

import static camlab.explain.CamTest.names;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import camlab.TestDevice;
import camlab.explain.MethodOptions.Option;
import camlab.model.Architectures;
import camlab.model.Classifier;
import camlab.model.GlobalAveragePooling;
import java.util.Arrays;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag(TestDevice.ENGINE)
class PerturbationTest {
  /** Identity features, then GAP and a bias-free Linear layer: y_c = Σ_k W[c, k] · mean(x_k), linear in the pixels. */
  static Classifier linearModel(float[] weights, int classes, int channels, int size) {
    Linear linear = Linear.builder().setUnits(classes).optBias(false).build();
    SequentialBlock head = new SequentialBlock().add(new GlobalAveragePooling()).add(linear);
    Classifier c = Classifier.create("linear", Blocks.identityBlock(), head, new Shape(channels, size, size), names(classes), TestDevice.get());
    linear.getParameters().get("weight").getArray().set(weights);
    return c;
  }

  @Test
  void occlusionOfALinearModelIsTheWindowsShareOfTheLogit() {
    // y_0 = mean(x) on a 4×4 image 1..16; 2×2 windows with stride 2 do not overlap, so each pixel gets its own window's
    // drop: (sum of the window) / 16 — blocks {1,2,5,6} = 14, {3,4,7,8} = 22, {9,10,13,14} = 46, {11,12,15,16} = 54
    try (Classifier model = linearModel(new float[] {1, -2}, 2, 1, 4); NDManager m = TestDevice.manager()) {
      float[] pixels = new float[16];
      for (int i = 0; i < 16; i++) pixels[i] = i + 1;
      NDArray x = m.create(pixels, new Shape(1, 1, 4, 4));
      float a = 14 / 16f, b = 22 / 16f, c = 46 / 16f, d = 54 / 16f;
      ActivationMaps maps = new Occlusion(2, 2).explain(model, x, Targets.allFor(0));
      assertArrayEquals(new float[] {a, a, b, b, a, a, b, b, c, c, d, d, c, c, d, d}, maps.maps().toFloatArray(), 1e-6f);
      assertEquals(new Shape(1, 4, 4), maps.maps().getShape());
      assertEquals("occlusion", maps.method());
      // class 1 weighs the pixels by −2: every drop is −2 times as large
      float[] class1 = new Occlusion(2, 2).explain(model, x, Targets.allFor(1)).maps().toFloatArray();
      assertEquals(-2 * d, class1[15], 1e-5f);
      // stride 1, 3×3 windows: pixel (0,0) is covered by one window (rows 0–2, columns 0–2: sum 54) → 54/16;
      // pixel (1,1) by all four: (54 + 63 + 90 + 99) / 4 / 16
      float[] overlapping = new Occlusion(3, 1).explain(model, x, Targets.allFor(0)).maps().toFloatArray();
      assertEquals(54 / 16f, overlapping[0], 1e-6f);
      assertEquals((54 + 63 + 90 + 99) / 4f / 16f, overlapping[5], 1e-6f);
    }
  }

  @Test
  void occlusionLeavesUncoveredPixelsAtZero() {
    // a 5×5 image, 2×2 windows with stride 2: windows start at 0 and 2, so row 4 and column 4 are never occluded
    try (Classifier model = linearModel(new float[] {1}, 1, 1, 5); NDManager m = TestDevice.manager()) {
      NDArray x = m.ones(new Shape(1, 1, 5, 5));
      float[][] map = new Occlusion(2, 2).explain(model, x, Targets.allFor(0)).map(0);
      for (int i = 0; i < 5; i++) {
        for (int j = 0; j < 5; j++) assertEquals(i == 4 || j == 4 ? 0 : 4 / 25f, map[i][j], 1e-6f, i + "," + j);
      }
    }
  }

  @Test
  void occlusionAndRiseMatchAStraightforwardOneImageAtATimeReference() {
    Engine.getInstance().setRandomSeed(12);
    try (Classifier model = Architectures.fcCnn(32, names(5), TestDevice.get()); NDManager m = TestDevice.manager()) {
      NDArray images = m.randomUniform(0, 1, new Shape(3, 1, 32, 32));
      int[] classes = {4, 0, 2};
      for (Occlusion occlusion : new Occlusion[] {new Occlusion(8, 4, 7), new Occlusion(5, 3, 64), new Occlusion(32, 1, 1)}) {
        float[] ours = occlusion.explain(model, images, Targets.perImage(classes)).maps().toFloatArray();
        assertArrayEquals(referenceOcclusion(model, images, classes, occlusion.patch(), occlusion.stride()), ours, 2e-5f,
            "patch " + occlusion.patch() + " stride " + occlusion.stride());
      }
      Rise rise = new Rise(20, 4, 3, 7);
      float[] ours = rise.explain(model, images, Targets.perImage(classes)).maps().toFloatArray();
      assertArrayEquals(referenceRise(model, images, classes, rise.masks(0, 20, 32, 32), 20), ours, 1e-5f);
      assertArrayEquals(ours, new Rise(20, 4, 3, 64).explain(model, images, Targets.perImage(classes)).maps().toFloatArray(), 1e-6f,
          "the batch size changes nothing");
    }
  }

  @Test
  void riseMasksAreSeededChunkableAndInRange() {
    Rise rise = new Rise(50, 8, 7, 64);
    float[] all = rise.masks(0, 50, 20, 24);
    assertArrayEquals(Arrays.copyOfRange(all, 13 * 480, 21 * 480), rise.masks(13, 21, 20, 24), "a chunk is the same masks");
    assertArrayEquals(all, new Rise(50, 8, 7, 1).masks(0, 50, 20, 24), "the seed alone decides");
    assertNotEquals(Arrays.hashCode(all), Arrays.hashCode(new Rise(50, 8, 8, 64).masks(0, 50, 20, 24)), "another seed, other masks");
    double mean = 0;
    for (float v : all) {
      assertTrue(v >= 0 && v <= 1, "mask value " + v);
      mean += v / all.length;
    }
    assertEquals(Rise.KEEP, mean, 0.05, "cells are kept with probability 0.5");
    // a 1×1 grid is one cell, kept or not: every mask is all ones or all zeros
    float[] single = new Rise(10, 1, 3, 64).masks(0, 10, 6, 6);
    for (int n = 0; n < 10; n++) {
      float first = single[n * 36];
      for (int p = 0; p < 36; p++) assertEquals(first, single[n * 36 + p]);
    }
  }

  @Test
  void splitMix64GivesThePublishedSequence() {
    // the first outputs of SplitMix64 seeded with 0, as in the reference implementation (Vigna's splitmix64.c)
    Rise.SplitMix64 random = new Rise.SplitMix64(0);
    assertEquals(0xE220A8397B1DCDAFL, random.nextLong());
    assertEquals(0x6E789E6AA1B965F4L, random.nextLong());
    Rise.SplitMix64 jumped = new Rise.SplitMix64(0);
    jumped.skip(1);
    assertEquals(0x6E789E6AA1B965F4L, jumped.nextLong());
  }

  @Test
  void riseOfAOneClassModelIsTheMeanMaskOverP() {
    // one class: the probability is 1 under every mask, so map = Σ M_i / (N·p)
    try (Classifier model = linearModel(new float[] {1}, 1, 1, 8); NDManager m = TestDevice.manager()) {
      Rise rise = new Rise(30, 4, 5, 64);
      float[] masks = rise.masks(0, 30, 8, 8);
      float[] expected = new float[64];
      for (int n = 0; n < 30; n++) for (int p = 0; p < 64; p++) expected[p] += masks[n * 64 + p] / (30 * 0.5f);
      assertArrayEquals(expected, rise.explain(model, m.randomUniform(0, 1, new Shape(1, 1, 8, 8))).maps().toFloatArray(), 1e-5f);
    }
  }

  @Test
  void badSettingsAreRefusedBeforeAnyPass() {
    try (Classifier model = linearModel(new float[] {1}, 1, 1, 8); NDManager m = TestDevice.manager()) {
      Explainer big = Explainers.byName("occlusion", MethodOptions.none().with(Option.PATCH, 9));
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> big.checkApplicable(model));
      assertTrue(e.getMessage().contains("larger than the 8×8 image; choose --patch 8 or less"), e.getMessage());
      assertThrows(IllegalArgumentException.class, () -> big.explain(model, m.zeros(new Shape(1, 1, 8, 8))));
      IllegalArgumentException stride = assertThrows(IllegalArgumentException.class,
          () -> Explainers.byName("occlusion", MethodOptions.none().with(Option.MASKS, 5)));
      assertTrue(stride.getMessage().contains("--masks does not apply to occlusion"), stride.getMessage());
      assertThrows(IllegalArgumentException.class, () -> MethodOptions.none().with(Option.MASKS, 0));
      assertThrows(IllegalArgumentException.class, () -> new Rise(0, 1));
      Rise rise = (Rise) Explainers.byName("rise", MethodOptions.none().with(Option.MASKS, 12).with(Option.SEED, 4));
      assertEquals(12, rise.maskCount());
      assertEquals(4, rise.seed());
    }
  }

  @Test
  void nothingIsLeftInTheModelsOrTheCallersManager() {
    Engine.getInstance().setRandomSeed(3);
    try (Classifier model = Architectures.gapCnn(32, names(4), TestDevice.get()); NDManager m = TestDevice.manager()) {
      NDArray images = m.randomUniform(0, 1, new Shape(2, 1, 32, 32));
      for (Explainer e : new Explainer[] {new Occlusion(16, 8, 5), new Rise(9, 4, 1, 4)}) {
        e.explain(model, images);
        int modelArrays = model.model().getNDManager().getManagedArrays().size();
        int callerArrays = m.getManagedArrays().size();
        for (int i = 0; i < 20; i++) {
          try (NDManager call = m.newSubManager()) {
            NDArray x = images.get("0:2");
            x.attach(call);
            e.explain(model, x);
          }
        }
        assertEquals(modelArrays, model.model().getNDManager().getManagedArrays().size(), e.name());
        assertEquals(callerArrays, m.getManagedArrays().size(), e.name());
      }
    }
  }

  /** Occlusion as the formula says, one occluded image per forward pass. */
  static float[] referenceOcclusion(Classifier model, NDArray images, int[] classes, int patch, int stride) {
    int b = classes.length;
    int h = Math.toIntExact(images.getShape().get(2));
    int w = Math.toIntExact(images.getShape().get(3));
    float[] out = new float[b * h * w];
    for (int image = 0; image < b; image++) {
      float[] x = images.get(image).toFloatArray();
      double base = model.logits(images.get(image + ":" + (image + 1))).getFloat(0, classes[image]);
      double[] sum = new double[h * w];
      int[] count = new int[h * w];
      for (int top = 0; top + patch <= h; top += stride) {
        for (int left = 0; left + patch <= w; left += stride) {
          float[] occluded = x.clone();
          for (int i = top; i < top + patch; i++) for (int j = left; j < left + patch; j++) occluded[i * w + j] = 0;
          try (NDArray y = model.logits(images.getManager().create(occluded, new Shape(1, 1, h, w)))) {
            double drop = base - y.getFloat(0, classes[image]);
            for (int i = top; i < top + patch; i++) {
              for (int j = left; j < left + patch; j++) {
                sum[i * w + j] += drop;
                count[i * w + j]++;
              }
            }
          }
        }
      }
      for (int p = 0; p < h * w; p++) out[image * h * w + p] = count[p] == 0 ? 0 : (float) (sum[p] / count[p]);
    }
    return out;
  }

  /** RISE as the formula says with the given masks, one masked image per forward pass. */
  static float[] referenceRise(Classifier model, NDArray images, int[] classes, float[] masks, int n) {
    int b = classes.length;
    int plane = Math.toIntExact(images.getShape().get(2) * images.getShape().get(3));
    float[] out = new float[b * plane];
    for (int image = 0; image < b; image++) {
      float[] x = images.get(image).toFloatArray();
      for (int k = 0; k < n; k++) {
        float[] masked = new float[plane];
        for (int p = 0; p < plane; p++) masked[p] = x[p] * masks[k * plane + p];
        float probability = model.logits(images.getManager().create(masked, new Shape(1, 1, images.getShape().get(2), images.getShape().get(3))))
            .softmax(1).getFloat(0, classes[image]);
        for (int p = 0; p < plane; p++) out[image * plane + p] += probability * masks[k * plane + p] / (n * 0.5f);
      }
    }
    return out;
  }
}
