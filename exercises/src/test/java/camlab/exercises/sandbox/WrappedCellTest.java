package camlab.exercises.sandbox;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import camlab.exercises.cell.NotebookImports;

class WrappedCellTest {
  private static final String CELL = "// EXERCISE 9.1 — Sum (1 point)\n"
      + "import java.util.Arrays;\n"
      + "int sum(int[] v) {\n"
      + "  return Arrays.stream(v).sum();\n"
      + "}\n";

  @Test
  void cellLinesMapBackByOneSubtraction() {
    WrappedCell w = WrappedCell.wrap("Cell_9_1", CELL);
    String[] java = w.javaSource().split("\n", -1);
    for (int cellLine = 3; cellLine <= 5; cellLine++) {
      assertEquals(CELL.split("\n")[cellLine - 1], java[cellLine + w.headerLines() - 1]);
      assertEquals(cellLine, w.cellLine(cellLine + w.headerLines()));
    }
  }

  @Test
  void importsAreHoistedAboveTheClassAndBlankedInPlace() {
    WrappedCell w = WrappedCell.wrap("Cell_9_1", CELL);
    String[] java = w.javaSource().split("\n", -1);
    int hoisted = NotebookImports.forCells().size() + 1;
    assertEquals("import java.util.Arrays;", java[hoisted - 1]);
    assertEquals(2, w.cellLine(hoisted), "a diagnostic on the hoisted import points at the import's cell line");
    assertEquals("", java[2 + w.headerLines() - 1]);
    assertEquals("public final class Cell_9_1 {", java[w.headerLines() - 1]);
    assertTrue(w.javaSource().endsWith("}\n}\n"));
  }

  @Test
  void defaultImportsComeFirstAndMapToNoCellLine() {
    WrappedCell w = WrappedCell.wrap("Cell_9_1", CELL);
    assertTrue(w.javaSource().startsWith(String.join("\n", NotebookImports.forCells())));
    assertEquals(0, w.cellLine(1));
  }
}
