package camlab.explain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import camlab.TestDevice;
import camlab.model.Architectures;
import camlab.model.Classifier;
import camlab.model.GlobalAveragePooling;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag(TestDevice.ENGINE)
class CamTest {
  /** A "network" whose features are its input, so A is hand-set; head = GAP + Linear with weights W. */
  static Classifier identityFeaturesWithWeights(float[] weights, int classes, int channels, int size) {
    Linear linear = Linear.builder().setUnits(classes).optBias(false).build();
    SequentialBlock head = new SequentialBlock().add(new GlobalAveragePooling()).add(linear);
    List<String> names = java.util.stream.IntStream.range(0, classes).mapToObj(i -> "class " + i).toList();
    Classifier c = Classifier.create("identity", new LambdaBlock(x -> x), head, new Shape(channels, size, size), names, TestDevice.get());
    linear.getParameters().get("weight").getArray().set(weights);
    return c;
  }

  @Test
  void goldenValuesOnAHandSetInput() {
    // W = [[1, −1], [0.5, 2]]; A: channel 0 = [[1,2],[3,4]], channel 1 = [[0,1],[0,1]]
    try (Classifier model = identityFeaturesWithWeights(new float[] {1, -1, 0.5f, 2}, 2, 2, 2);
        NDManager m = TestDevice.manager()) {
      NDArray a = m.create(new float[] {1, 2, 3, 4, 0, 1, 0, 1}, new Shape(1, 2, 2, 2));
      ActivationMaps top1 = new Cam().explain(model, a);
      // logits: GAP = (2.5, 0.5) → class 0: 2.0, class 1: 2.25 → top-1 is class 1
      assertArrayEquals(new int[] {1}, top1.classes());
      assertArrayEquals(new float[] {0.5f, 3, 1.5f, 4}, top1.maps().toFloatArray(), 1e-6f);
      ActivationMaps class0 = new Cam().explain(model, a, Targets.allFor(0));
      assertArrayEquals(new float[] {1, 1, 3, 3}, class0.maps().toFloatArray(), 1e-6f);
      assertArrayEquals(new float[] {2.0f, 2.25f}, class0.logits().toFloatArray(), 1e-6f);
      assertTrue(top1.steps().isEmpty());
    }
  }

  /** Random features and weights against a loop in doubles: one image (a plain matrix product) and a batch. */
  @Test
  void classMapsMatchALoopForOneImageAndForABatch() {
    Engine.getInstance().setRandomSeed(5);
    try (NDManager m = TestDevice.manager()) {
      NDArray weights = m.randomNormal(new Shape(6, 5));
      float[] w = weights.toFloatArray();
      for (int batch : new int[] {1, 3}) {
        NDArray features = m.randomNormal(new Shape(batch, 5, 3, 4));
        float[] a = features.toFloatArray();
        int[] classes = batch == 1 ? new int[] {4} : new int[] {4, 0, 5};
        float[] maps = Cam.classActivationMaps(features, weights, classes).toFloatArray();
        assertEquals(batch * 12, maps.length);
        for (int b = 0; b < batch; b++) {
          for (int p = 0; p < 12; p++) {
            double sum = 0;
            for (int k = 0; k < 5; k++) sum += (double) w[classes[b] * 5 + k] * a[(b * 5 + k) * 12 + p];
            assertEquals(sum, maps[b * 12 + p], 1e-5, "batch " + batch + ", image " + b + ", position " + p);
          }
        }
      }
    }
  }

  @Test
  void spatialMeanOfEveryClassMapIsItsLogitAndBatchEqualsSingleImages() {
    Engine.getInstance().setRandomSeed(3);
    try (Classifier model = Architectures.gapCnn(64, names(10), TestDevice.get()); NDManager m = TestDevice.manager()) {
      NDArray images = m.randomUniform(0, 1, new Shape(4, 1, 64, 64));
      for (int c = 0; c < 10; c++) {
        ActivationMaps maps = new Cam().explain(model, images, Targets.allFor(c));
        float[] means = Cam.logitsFromMaps(maps.maps()).toFloatArray();
        float[] logits = maps.logits().get(":, " + c).toFloatArray();
        assertArrayEquals(logits, means, 1e-4f);
      }
      ActivationMaps batch = new Cam().explain(model, images);
      for (int b = 0; b < 4; b++) {
        ActivationMaps single = new Cam().explain(model, images.get(b + ":" + (b + 1)));
        assertEquals(batch.classes()[b], single.classes()[0]);
        assertArrayEquals(single.maps().toFloatArray(), batch.maps().get(b).toFloatArray(), 1e-5f);
      }
    }
  }

  @Test
  void noArrayIsLeftInTheModelOrTheCallersManager() {
    try (Classifier model = Architectures.gapCnn(64, names(10), TestDevice.get()); NDManager m = TestDevice.manager()) {
      NDArray images = m.randomUniform(0, 1, new Shape(2, 1, 64, 64));
      Cam cam = new Cam();
      cam.explain(model, images); // first call: lazy engine state
      int modelArrays = model.model().getNDManager().getManagedArrays().size();
      int callerArrays = m.getManagedArrays().size();
      for (int i = 0; i < 200; i++) {
        try (NDManager call = m.newSubManager()) {
          NDArray x = images.duplicate();
          x.attach(call);
          ActivationMaps maps = cam.explain(model, x).upsample(64, 64).normalize(ActivationMaps.Normalization.MIN_MAX);
          assertEquals(new Shape(2, 64, 64), maps.maps().getShape());
        }
      }
      assertEquals(modelArrays, model.model().getNDManager().getManagedArrays().size());
      assertEquals(callerArrays, m.getManagedArrays().size(), "the caller's manager gains nothing once the call scopes close");
    }
  }

  @Test
  void upsamplingThenNormalisingAtOnceIsTheTwoStepsWithTheSameRecord() {
    try (Classifier model = Architectures.gapCnn(64, names(10), TestDevice.get()); NDManager m = TestDevice.manager()) {
      ActivationMaps raw = new Cam().explain(model, m.randomUniform(0, 1, new Shape(2, 1, 64, 64)));
      for (ActivationMaps.Normalization n : ActivationMaps.Normalization.values()) {
        ActivationMaps twoSteps = raw.relu().upsample(64, 64).normalize(n);
        ActivationMaps atOnce = raw.relu().upsampleThenNormalize(64, 64, n);
        assertArrayEquals(twoSteps.maps().toFloatArray(), atOnce.maps().toFloatArray(), 0f, n.name());
        assertEquals(twoSteps.steps(), atOnce.steps());
        assertEquals(m, atOnce.manager());
      }
      ActivationMaps maps = raw.relu().upsampleThenNormalize(64, 64, ActivationMaps.Normalization.MIN_MAX);
      assertEquals(List.of("relu", "bilinear 64x64", "min-max"), maps.steps());
      assertTrue(maps.toString().endsWith(" after relu → bilinear 64x64 → min-max"), maps.toString());
      assertTrue(raw.steps().isEmpty() && raw.toString().endsWith("(raw)"), "a step makes new maps; the raw ones stay raw");
    }
  }

  @Test
  void mapsSurviveTheClosingOfTemporaryManagers() {
    try (Classifier model = Architectures.gapCnn(64, names(10), TestDevice.get()); NDManager m = TestDevice.manager()) {
      NDArray images = m.randomUniform(0, 1, new Shape(2, 1, 64, 64));
      ActivationMaps maps = new Cam().explain(model, images);
      assertEquals(m, maps.manager());
      assertEquals(2 * 16 * 16, maps.maps().toFloatArray().length);
      assertEquals(20, maps.logits().toFloatArray().length);
    }
  }

  @Test
  void wrongInputsAreClearErrors() {
    try (Classifier model = Architectures.gapCnn(64, names(10), TestDevice.get()); NDManager m = TestDevice.manager()) {
      IllegalArgumentException shape = assertThrows(IllegalArgumentException.class,
          () -> new Cam().explain(model, m.zeros(new Shape(2, 3, 64, 64))));
      assertTrue(shape.getMessage().contains("[batch, 1, 64, 64]"), shape.getMessage());
      assertThrows(IllegalArgumentException.class, () -> new Cam().explain(model, m.zeros(new Shape(1, 64, 64))));
      assertThrows(IllegalArgumentException.class, () -> new Cam().explain(model, m.zeros(new Shape(2, 1, 64, 64)), Targets.perImage(1, 2, 3)));
      assertThrows(IllegalArgumentException.class, () -> new Cam().explain(model, m.zeros(new Shape(2, 1, 64, 64)), Targets.allFor(10)));
      assertThrows(IllegalArgumentException.class,
          () -> Cam.classActivationMaps(m.zeros(new Shape(1, 4, 2, 2)), m.zeros(new Shape(3, 5)), new int[] {0}));
    }
  }

  @Test
  void headWithoutLinearLayerExplainsWhyCamCannotRun() {
    SequentialBlock head = new SequentialBlock().add(new LambdaBlock(x -> new NDList(x.singletonOrThrow().reshape(x.singletonOrThrow().getShape().get(0), -1))));
    try (Classifier model = Classifier.create("flatten", new LambdaBlock(x -> x), head, new Shape(2, 1, 1), names(2), TestDevice.get());
        NDManager m = TestDevice.manager()) {
      UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, () -> new Cam().explain(model, m.ones(new Shape(1, 2, 1, 1))));
      assertTrue(e.getMessage().contains("Grad-CAM"), e.getMessage());
    }
  }

  static List<String> names(int n) {
    return java.util.stream.IntStream.range(0, n).mapToObj(i -> "c" + i).toList();
  }
}
