package camlab.exercises.source;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MarkerLineTest {
  @Test
  void parsesIdTitleAndPoints() {
    MarkerLine m = MarkerLine.parse("// EXERCISE 2.1 — Class activation map (3 points)").orElseThrow();
    assertEquals(new MarkerLine("2.1", "Class activation map", 3), m);
  }

  @Test
  void toleratesOtherDashesSpacingAndOnePoint() {
    assertEquals(new MarkerLine("10.12", "Pointing game", 1), MarkerLine.parse("  //EXERCISE 10.12 - Pointing game (1 point) ").orElseThrow());
    assertEquals(new MarkerLine("3.2", "Grad-CAM weights", 2), MarkerLine.parse("// EXERCISE 3.2 – Grad-CAM weights (2 points)").orElseThrow());
    assertEquals(new MarkerLine("3.3", "", null), MarkerLine.parse("// EXERCISE 3.3").orElseThrow());
  }

  @Test
  void rejectsNonMarkers() {
    assertTrue(MarkerLine.parse("// exercise 2.1 — lower case").isEmpty());
    assertTrue(MarkerLine.parse("// EXERCISE 2 — no minor number").isEmpty());
    assertTrue(MarkerLine.parse("int x = 1; // EXERCISE 2.1").isEmpty());
  }

  @Test
  void aCellIsAnExerciseCellWhenItsFirstNonBlankLineIsAMarker() {
    assertEquals("2.1", MarkerLine.ofCell("\n  \n// EXERCISE 2.1 — CAM (3 points)\ncode").orElseThrow().id());
    assertTrue(MarkerLine.ofCell("int x;\n// EXERCISE 2.1 — CAM (3 points)").isEmpty());
  }

  @Test
  void formatIsTheCanonicalMarker() {
    assertEquals("// EXERCISE 2.1 — Class activation map (3 points)", MarkerLine.format("2.1", "Class activation map", 3));
    assertEquals("// EXERCISE 9.1 — Sum (1 point)", MarkerLine.format("9.1", "Sum", 1));
    assertEquals(new MarkerLine("2.1", "Class activation map", 3), MarkerLine.parse(MarkerLine.format("2.1", "Class activation map", 3)).orElseThrow());
  }
}
