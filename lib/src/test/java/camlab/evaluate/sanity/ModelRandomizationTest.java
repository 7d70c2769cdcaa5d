package camlab.evaluate.sanity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import camlab.TestDevice;
import camlab.explain.Cam;
import camlab.model.Architectures;
import camlab.model.Classifier;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag(TestDevice.ENGINE)
class ModelRandomizationTest {
  private static final List<String> CLASSES = IntStream.range(0, 10).mapToObj(i -> "class " + i).toList();
  private static Classifier trained;
  private static NDManager manager;
  private static NDArray images;

  @BeforeAll
  static void model() {
    Engine.getInstance().setRandomSeed(11);
    trained = Architectures.create("gap-cnn", 32, CLASSES, TestDevice.get());
    manager = TestDevice.manager();
    images = manager.randomUniform(0, 1, new Shape(6, 1, 32, 32));
  }

  @AfterAll
  static void close() {
    trained.close();
    manager.close();
  }

  private static Map<String, float[]> values(Classifier model) {
    Map<String, float[]> values = new LinkedHashMap<>();
    for (Pair<String, Parameter> p : model.model().getBlock().getParameters()) values.put(p.getKey(), p.getValue().getArray().toFloatArray());
    return values;
  }

  private static void assertSameValues(Map<String, float[]> expected, Map<String, float[]> actual) {
    assertEquals(expected.keySet(), actual.keySet());
    expected.forEach((name, v) -> assertArrayEquals(v, actual.get(name), 0f, name));
  }

  @Test
  void cascadeGoesFromTheHeadDownToTheFirstConvolution() {
    List<String> names = ModelRandomization.cascade(trained).stream().map(ModelRandomization.Layer::name).toList();
    assertEquals(List.of("head: linear 128→10", "conv4: conv 3×3 64→128 + batch norm", "conv3: conv 3×3 32→64 + batch norm",
        "conv2: conv 3×3 24→32 + batch norm", "conv1: conv 5×5 1→24 + batch norm"), names);
    // the same cascade when the classifier is split at an earlier stage
    assertEquals(names, ModelRandomization.cascade(trained.splitAt("conv3")).stream().map(ModelRandomization.Layer::name).toList());
  }

  @Test
  void aCopyComputesTheSameLogits() {
    try (Classifier copy = ModelRandomization.randomizedCopy(trained, 0, 1); NDManager m = manager.newSubManager()) {
      NDArray x = images.duplicate();
      x.attach(m);
      assertArrayEquals(trained.logits(x).toFloatArray(), copy.logits(x).toFloatArray(), 0f);
      assertSameValues(values(trained), values(copy));
    }
  }

  @Test
  void randomizingChangesTheMapsAndLeavesTheOriginalUntouched() {
    Map<String, float[]> before = values(trained);
    int arraysBefore = trained.model().getNDManager().getManagedArrays().size();
    try (NDManager m = manager.newSubManager()) {
      NDArray x = images.duplicate();
      x.attach(m);
      float[] trainedMaps = new Cam().explain(trained, x, camlab.explain.Targets.allFor(3)).maps().toFloatArray();
      try (Classifier randomized = ModelRandomization.randomizedCopy(trained, 1, 5)) {
        float[] randomizedMaps = new Cam().explain(randomized, x, camlab.explain.Targets.allFor(3)).maps().toFloatArray();
        double rho = Spearman.of(trainedMaps, randomizedMaps);
        assertTrue(rho < 0.9, "CAM should change when its class weights are re-drawn; Spearman " + rho);
        Map<String, float[]> after = values(randomized);
        Map<String, float[]> original = values(trained);
        for (String name : original.keySet()) {
          boolean head = name.startsWith("02"); // network = [01 features, 02 head]; the head's Linear weight is re-drawn
          assertEquals(!head, java.util.Arrays.equals(original.get(name), after.get(name)), name);
        }
      }
    }
    assertSameValues(before, values(trained));
    assertEquals(arraysBefore, trained.model().getNDManager().getManagedArrays().size());
  }

  @Test
  void sameSeedSameRandomLayersAndEachStepKeepsTheLayersAbove() {
    try (Classifier one = ModelRandomization.randomizedCopy(trained, 2, 42);
        Classifier again = ModelRandomization.randomizedCopy(trained, 2, 42);
        Classifier three = ModelRandomization.randomizedCopy(trained, 3, 42);
        Classifier otherSeed = ModelRandomization.randomizedCopy(trained, 2, 43)) {
      assertSameValues(values(one), values(again));
      float[] headOne = weight(ModelRandomization.cascade(one).get(0).block());
      float[] headThree = weight(ModelRandomization.cascade(three).get(0).block());
      assertArrayEquals(headOne, headThree, 0f); // the cascade adds a layer; the layers above stay as they were
      assertFalse(java.util.Arrays.equals(headOne, weight(ModelRandomization.cascade(otherSeed).get(0).block())));
    }
  }

  @Test
  void batchNormRunningStatisticsAreKept() {
    Engine.getInstance().setRandomSeed(12);
    try (Classifier withStatistics = Architectures.create("gap-cnn", 32, CLASSES, TestDevice.get())) {
      // as after training: running statistics away from their initial 0 and 1, so re-initialising would show
      for (Pair<String, Parameter> p : withStatistics.model().getBlock().getParameters()) {
        Parameter.Type type = p.getValue().getType();
        if (type == Parameter.Type.RUNNING_MEAN || type == Parameter.Type.RUNNING_VAR) {
          NDArray array = p.getValue().getArray();
          float[] values = new float[Math.toIntExact(array.size())];
          java.util.Arrays.fill(values, 0.25f);
          array.set(values);
        }
      }
      try (Classifier randomized = ModelRandomization.randomizedCopy(withStatistics, 5, 3)) {
        Map<String, float[]> after = values(randomized);
        long checked = 0;
        for (Pair<String, Parameter> p : randomized.model().getBlock().getParameters()) {
          Parameter.Type type = p.getValue().getType();
          if (type == Parameter.Type.RUNNING_MEAN || type == Parameter.Type.RUNNING_VAR) {
            for (float v : after.get(p.getKey())) assertEquals(0.25f, v, 0f, p.getKey());
            checked++;
          }
        }
        assertEquals(8, checked); // 4 BatchNorm layers × (mean, variance)
      }
    }
  }

  @Test
  void sanityCheckStartsAtOneAndDropsOnceTheHeadIsRandom() {
    List<SanityCheck.Step> steps;
    try (NDManager m = manager.newSubManager()) {
      NDArray x = images.duplicate();
      x.attach(m);
      steps = SanityCheck.cascadingRandomization(trained, new Cam(), x, 7);
    }
    assertEquals(6, steps.size());
    assertEquals("none", steps.get(0).layer());
    assertEquals(1.0, steps.get(0).spearmanSigned(), 1e-9);
    assertEquals(1.0, steps.get(0).spearmanAbsolute(), 1e-9);
    assertEquals("head: linear 128→10", steps.get(1).layer());
    assertTrue(steps.get(1).spearmanSigned() < 0.9, steps.toString());
    for (SanityCheck.Step s : steps) assertEquals(6, s.images() + s.undefined());
  }

  @Test
  void aCopyOfASplitViewKeepsTheSplit() {
    Classifier view = trained.splitAt("conv3");
    try (Classifier copy = ModelRandomization.copy(view); NDManager m = manager.newSubManager()) {
      assertEquals("conv3", copy.targetLayer());
      NDArray x = images.duplicate();
      x.attach(m);
      assertArrayEquals(view.features(x).toFloatArray(), copy.features(x).toFloatArray(), 0f);
    }
  }

  @Test
  void unknownArchitecturesCannotBeCopied() {
    Classifier custom = Classifier.create("my-net", new ai.djl.nn.LambdaBlock(a -> a),
        new ai.djl.nn.SequentialBlock().add(new camlab.model.GlobalAveragePooling()).add(ai.djl.nn.core.Linear.builder().setUnits(2).build()),
        new Shape(3, 4, 4), List.of("a", "b"), TestDevice.get());
    try (custom) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelRandomization.copy(custom));
      assertTrue(e.getMessage().contains("my-net"), e.getMessage());
    }
  }

  private static float[] weight(Block block) {
    return block.getParameters().get("weight").getArray().toFloatArray();
  }
}
