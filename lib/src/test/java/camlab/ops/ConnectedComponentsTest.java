package camlab.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ConnectedComponentsTest {
  /**
   * 200 random maps, labelled at every cut both incrementally and as one float threshold, against a golden listing
   * (components-golden.txt: "trial cut pixels:x0,y0,x1,y1 …" in scan order, "-" for none, a line only where the
   * listing changes). The listing was made by a breadth-first flood fill and union–find together, which agreed on
   * every case; a change to either labelling shows here.
   */
  @Test
  void randomMapsGiveTheGoldenComponentsAtEveryCut() throws IOException {
    List<String> golden = golden();
    List<String> actual = new ArrayList<>();
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
      ConnectedComponents nested = new ConnectedComponents(levels, h, w);
      String previous = null;
      for (int cut = maxLevel; cut >= -1; cut--) {
        nested.lowerTo(cut);
        List<MapBoxes.Component> found = nested.components();
        assertEquals(found, MapBoxes.components(asFloats, h, w, cut), "one cut alone, trial " + trial + ", cut " + cut);
        String listing = listing(found);
        if (!listing.equals(previous)) actual.add(trial + " " + cut + listing);
        previous = listing;
      }
    }
    assertEquals(golden.size(), actual.size(), "lines of the golden listing");
    for (int i = 0; i < golden.size(); i++) assertEquals(golden.get(i), actual.get(i), "line " + (i + 1));
  }

  private static String listing(List<MapBoxes.Component> components) {
    if (components.isEmpty()) return " -";
    StringBuilder s = new StringBuilder();
    for (MapBoxes.Component c : components) {
      Box b = c.box();
      s.append(' ').append(c.pixels()).append(':').append(b.x0()).append(',').append(b.y0()).append(',').append(b.x1()).append(',').append(b.y1());
    }
    return s.toString();
  }

  private static List<String> golden() throws IOException {
    try (InputStream in = ConnectedComponentsTest.class.getResourceAsStream("components-golden.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
  }

  @Test
  void aRingIsOneComponentWhoseHoleFillsLater() {
    int[] levels = {
        2, 2, 2,
        2, 1, 2,
        2, 2, 2,
    };
    ConnectedComponents nested = new ConnectedComponents(levels, 3, 3);
    nested.lowerTo(1);
    assertEquals(List.of(new MapBoxes.Component(8, new Box(0, 0, 2, 2))), nested.components());
    nested.lowerTo(0);
    assertEquals(List.of(new MapBoxes.Component(9, new Box(0, 0, 2, 2))), nested.components());
  }

  /** Two blobs that a lower cut joins through one diagonal pixel; listed in scan order by their first pixel. */
  @Test
  void blobsMergeAsTheCutFalls() {
    int[] levels = {
        3, 3, 0, 0,
        0, 0, 1, 0,
        0, 0, 0, 2,
    };
    ConnectedComponents nested = new ConnectedComponents(levels, 3, 4);
    nested.lowerTo(2);
    assertEquals(List.of(new MapBoxes.Component(2, new Box(0, 0, 1, 0))), nested.components());
    nested.lowerTo(1);
    assertEquals(List.of(new MapBoxes.Component(2, new Box(0, 0, 1, 0)), new MapBoxes.Component(1, new Box(3, 2, 3, 2))), nested.components());
    nested.lowerTo(0);
    assertEquals(List.of(new MapBoxes.Component(4, new Box(0, 0, 3, 2))), nested.components());
    nested.lowerTo(-1);
    assertEquals(List.of(new MapBoxes.Component(12, new Box(0, 0, 3, 2))), nested.components());
  }
}
