package camlab.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import camlab.ops.Box;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NestedComponentsTest {
  /** Incremental union–find must list exactly what a fresh labelling finds, at every cut, on many random maps. */
  @Test
  void sameComponentsAsAFreshLabellingAtEveryCut() {
    SplittableRandom random = new SplittableRandom(1);
    for (int trial = 0; trial < 200; trial++) {
      int h = 1 + random.nextInt(12);
      int w = 1 + random.nextInt(12);
      int maxLevel = 1 + random.nextInt(trial % 2 == 0 ? 4 : 255); // few levels: many ties and merges
      int[] levels = new int[h * w];
      float[] asFloats = new float[h * w];
      for (int p = 0; p < levels.length; p++) {
        levels[p] = random.nextInt(maxLevel + 1);
        asFloats[p] = levels[p];
      }
      NestedComponents nested = new NestedComponents(levels, h, w);
      for (int cut = maxLevel; cut >= -1; cut--) {
        nested.lowerTo(cut);
        assertEquals(MapBoxes.components(asFloats, h, w, cut), nested.components(), "trial " + trial + ", cut " + cut);
      }
    }
  }

  @Test
  void aRingIsOneComponentWhoseHoleFillsLater() {
    int[] levels = {
        2, 2, 2,
        2, 1, 2,
        2, 2, 2,
    };
    NestedComponents nested = new NestedComponents(levels, 3, 3);
    nested.lowerTo(1);
    assertEquals(java.util.List.of(new MapBoxes.Component(8, new Box(0, 0, 2, 2))), nested.components());
    nested.lowerTo(0);
    assertEquals(java.util.List.of(new MapBoxes.Component(9, new Box(0, 0, 2, 2))), nested.components());
  }
}
