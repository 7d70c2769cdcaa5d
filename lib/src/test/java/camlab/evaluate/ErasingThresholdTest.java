package camlab.evaluate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import camlab.TestDevice;
import camlab.data.LocalizationSet;
import camlab.explain.AcolMaps;
import camlab.model.Architectures;
import camlab.model.Classifier;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** ACoL's test-time δ: it changes branch B's input only, and δ* is the validation argmax over the grid. */
@Tag(TestDevice.ENGINE)
class ErasingThresholdTest {
  private static final List<String> NAMES = IntStream.range(0, 10).mapToObj(i -> "class " + i).toList();

  @Test
  void erasingAtTheTrainedDeltaIsTheDefaultAndAnotherDeltaChangesOnlyBranchB() {
    Engine.getInstance().setRandomSeed(5);
    try (Classifier acol = Architectures.acol(64, NAMES, 0.6f, TestDevice.get()); NDManager m = TestDevice.manager()) {
      NDArray images = m.randomUniform(0, 1, new Shape(2, 1, 64, 64));
      AcolMaps fused = new AcolMaps();
      assertEquals(0.6f, fused.erasingThreshold(acol));
      assertArrayEquals(fused.explain(acol, images).maps().toFloatArray(), fused.erasingAt(0.6f).explain(acol, images).maps().toFloatArray());
      AcolMaps a = AcolMaps.branch(AcolMaps.Output.BRANCH_A);
      AcolMaps b = AcolMaps.branch(AcolMaps.Output.BRANCH_B);
      assertArrayEquals(a.explain(acol, images).maps().toFloatArray(), a.erasingAt(0.9f).explain(acol, images).maps().toFloatArray(),
          "branch A does not depend on δ");
      assertFalse(Arrays.equals(b.explain(acol, images).maps().toFloatArray(), b.erasingAt(0.3f).explain(acol, images).maps().toFloatArray()),
          "branch B sees differently erased features");
      assertThrows(IllegalArgumentException.class, () -> fused.erasingAt(0f));
      assertThrows(IllegalArgumentException.class, () -> fused.erasingAt(1.5f));
    }
  }

  @Test
  void chosenDeltaIsTheValidationArgmaxAndNeedsAnAcolModel() {
    LocalizationSet validation = LocalizationSet.of(LocalizationSet.Split.VAL, LocalizationSet.Settings.DEFAULT, 8);
    Evaluation.Settings settings = Evaluation.Settings.DEFAULT.withBatchSize(4);
    Engine.getInstance().setRandomSeed(6);
    try (Classifier acol = Architectures.acol(64, NAMES, 0.6f, TestDevice.get())) {
      ErasingThreshold.Choice choice = ErasingThreshold.choose(acol, new AcolMaps(), validation, settings);
      assertEquals(ErasingThreshold.GRID, List.copyOf(choice.validationMaxBoxAccV2().keySet()));
      double best = choice.validationMaxBoxAccV2().values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
      assertEquals(best, choice.validationMaxBoxAccV2().get(choice.delta()), 0);
      float firstBest = ErasingThreshold.GRID.stream().filter(d -> choice.validationMaxBoxAccV2().get(d) == best).findFirst().orElseThrow();
      assertEquals(firstBest, choice.delta(), "ties go to the smaller δ");
      assertTrue(choice.describe(8).contains("chosen on 8 validation images"), choice.describe(8));
    }
    try (Classifier gap = Architectures.gapCnn(64, NAMES, TestDevice.get())) {
      assertThrows(UnsupportedOperationException.class, () -> ErasingThreshold.choose(gap, new AcolMaps(), validation, settings));
    }
  }
}
