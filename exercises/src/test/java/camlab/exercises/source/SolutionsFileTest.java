package camlab.exercises.source;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SolutionsFileTest {
  @Test
  void sectionsRunFromMarkerToMarkerAndTheHeaderIsIgnored() {
    String text = "// header comment\nimport x.Y;\n\n"
        + "// EXERCISE 2.1 — A (3 points)\nint a() { return 1; }\n\n\n"
        + "// EXERCISE 2.2 — B (1 point)\r\nint b() {\r\n  return 2;\r\n}\r\n";
    List<ExerciseCell> sections = SolutionsFile.sections(text, "02-cam.jsh");
    assertEquals(2, sections.size());
    assertEquals("// EXERCISE 2.1 — A (3 points)\nint a() { return 1; }\n", sections.get(0).source());
    assertEquals("02-cam.jsh, line 4", sections.get(0).origin());
    assertEquals("// EXERCISE 2.2 — B (1 point)\nint b() {\n  return 2;\n}\n", sections.get(1).source());
    assertEquals("2.2", sections.get(1).id());
  }

  @Test
  void noMarkersNoSections() {
    assertEquals(List.of(), SolutionsFile.sections("// nothing here\n", "x.jsh"));
  }
}
