package camlab.evaluate.localization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import camlab.ops.Box;
import camlab.ops.MapBoxes;
import java.util.List;
import org.junit.jupiter.api.Test;

class BoxesTest {
  @Test
  void iouUsesInclusivePixelCoordinates() {
    Box a = new Box(0, 0, 1, 1); // 2×2 = 4 pixels
    Box b = new Box(1, 1, 2, 2); // overlaps a in one pixel
    assertEquals(1.0 / 7, a.iou(b), 1e-12);
    assertEquals(1.0, a.iou(a), 0);
    assertEquals(0.0, a.iou(new Box(5, 5, 6, 6)), 0);
    assertEquals(16.0 / 36, new Box(0, 0, 3, 3).iou(new Box(0, 0, 5, 5)), 1e-12);
  }

  @Test
  void largestComponentBoxAboveFractionOfMax() {
    float[] map = {
        0, 0, 0, 0, 0, 0,
        0, 9, 9, 0, 0, 0,
        0, 9, 0, 0, 0, 5,
        0, 0, 0, 0, 0, 5,
        0, 0, 3, 0, 0, 5,
    };
    // threshold 20 % of 9 = 1.8: components {9,9,9} (3 px), {5,5,5} (3 px, found later), {3} (1 px)
    assertEquals(new Box(1, 1, 2, 2), MapBoxes.largestComponentBox(map, 5, 6, 0.2).orElseThrow());
    // threshold 60 % of 9 = 5.4: only the 9s
    assertEquals(new Box(1, 1, 2, 2), MapBoxes.largestComponentBox(map, 5, 6, 0.6).orElseThrow());
    List<Box> all = MapBoxes.allComponents(map, 5, 6, 1.8);
    assertEquals(List.of(new Box(1, 1, 2, 2), new Box(5, 2, 5, 4), new Box(2, 4, 2, 4)), all);
  }

  @Test
  void diagonalNeighboursAreConnected() {
    float[] map = {1, 0, 0, 0, 1, 0, 0, 0, 1};
    assertEquals(List.of(new Box(0, 0, 2, 2)), MapBoxes.allComponents(map, 3, 3, 0.5));
  }

  @Test
  void emptyMapGivesNoBox() {
    assertTrue(MapBoxes.largestComponentBox(new float[9], 3, 3, 0.2).isEmpty());
  }

  @Test
  void pointingGameHitsWhenTheMaximumIsInsideTheBox() {
    float[] map = {0, 1, 0, 0, 0, 7, 0, 0, 0};
    assertTrue(PointingGame.hit(map, 3, new Box(1, 1, 2, 2)));
    assertFalse(PointingGame.hit(map, 3, new Box(0, 0, 1, 1)));
    float[] nan = {0, Float.NaN, 1, 0};
    assertThrows(IllegalArgumentException.class, () -> PointingGame.hit(nan, 2, new Box(0, 0, 1, 1)));
  }

  @Test
  void pointingGameAccumulatesHits() {
    PointingGame game = new PointingGame();
    game.add(new float[] {0, 0, 0, 9}, 2, new Box(1, 1, 1, 1)); // hit
    game.add(new float[] {9, 0, 0, 0}, 2, new Box(1, 1, 1, 1)); // miss
    game.add(new float[] {0, 0, 0, 0}, 2, new Box(0, 0, 0, 0)); // constant map: points at the first pixel → hit
    assertEquals(200.0 / 3, game.accuracy(), 1e-12);
    assertEquals(2, game.hits());
    assertThrows(IllegalStateException.class, () -> new PointingGame().accuracy());
  }
}
