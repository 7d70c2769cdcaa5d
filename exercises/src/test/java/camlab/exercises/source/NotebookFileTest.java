package camlab.exercises.source;

import java.util.List;

import com.google.gson.JsonObject;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NotebookFileTest {
  private static final String MARKER = "// EXERCISE 2.1 — Class activation map (3 points)";

  @Test
  void findsExerciseCellsWithSourceAsListOrString() throws Exception {
    String json = "{\"cells\": ["
        + "{\"cell_type\": \"markdown\", \"source\": [\"" + MARKER + "\\n\"]},"
        + "{\"cell_type\": \"code\", \"source\": [\"" + MARKER + "\\n\", \"int a() {\\n\", \"  return 1;\\n\", \"}\"]},"
        + "{\"cell_type\": \"code\", \"source\": \"int unrelated = 3;\"},"
        + "{\"cell_type\": \"code\", \"source\": \"// EXERCISE 2.2 — Next (1 point)\\nint b() { return 2; }\"}"
        + "], \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}";
    List<ExerciseCell> cells = NotebookFile.exerciseCells(NotebookFile.parse(json, "nb.ipynb"), "nb.ipynb");
    assertEquals(2, cells.size(), "the marker in a markdown cell does not count");
    assertEquals("2.1", cells.get(0).id());
    assertEquals(MARKER + "\nint a() {\n  return 1;\n}", cells.get(0).source());
    assertEquals("nb.ipynb, cell 2", cells.get(0).origin());
    assertEquals("2.2", cells.get(1).id());
  }

  @Test
  void crlfLineEndingsAreNormalized() throws Exception {
    String json = "{\"cells\": [{\"cell_type\": \"code\", \"source\": [\"" + MARKER + "\\r\\n\", \"int a() {\\r\\n\", \"  return 1;\\r\\n\", \"}\"]}]}";
    ExerciseCell cell = NotebookFile.exerciseCells(NotebookFile.parse(json, "nb"), "nb").get(0);
    assertEquals(MARKER + "\nint a() {\n  return 1;\n}", cell.source());
  }

  @Test
  void invalidJsonNamesTheFileAndThePosition() {
    NotebookFormatException e = assertThrows(NotebookFormatException.class,
        () -> NotebookFile.parse("{\"cells\": [\n{\"cell_type\": \"code\", \"source\": \"x\"\n", "notebooks/02-cam.ipynb"));
    assertTrue(e.getMessage().startsWith("notebooks/02-cam.ipynb is not valid JSON"), e.getMessage());
    assertTrue(e.getMessage().contains("line"), e.getMessage());
  }

  @Test
  void lenientJsonIsRejectedToo() {
    assertThrows(NotebookFormatException.class, () -> NotebookFile.parse("{'cells': []}", "nb"));
    assertThrows(NotebookFormatException.class, () -> NotebookFile.parse("{\"cells\": []} trailing", "nb"));
  }

  @Test
  void jsonThatIsNotANotebookIsRejected() {
    NotebookFormatException e = assertThrows(NotebookFormatException.class, () -> NotebookFile.parse("{\"worksheets\": []}", "old.ipynb"));
    assertEquals("old.ipynb is not a Jupyter notebook (no \"cells\" array)", e.getMessage());
  }

  @Test
  void setSourceWritesJupyterStyleLines() {
    JsonObject cell = new JsonObject();
    NotebookFile.setSource(cell, "a\r\nb\n\nc");
    assertEquals("[\"a\\n\",\"b\\n\",\"\\n\",\"c\"]", cell.get("source").toString());
    assertEquals("a\nb\n\nc", NotebookFile.source(cell));
  }
}
