package camlab.kernel.magic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MagicLineTest {
  @Test
  void aMagicStartsWithPercentAndALetterInTheFirstColumn() {
    assertTrue(MagicLine.isMagic("%load x.jsh"));
    assertTrue(MagicLine.isMagic("%%time"));
    assertFalse(MagicLine.isMagic("  % 3;"), "an indented remainder operator is Java");
    assertFalse(MagicLine.isMagic("%3"));
    assertFalse(MagicLine.isMagic("int r = 10 % 3;"));
  }

  @Test
  void splitsArgumentsWithQuotesAndEscapes() throws MagicError {
    MagicLine m = MagicLine.parse("%jars  lib/*.jar \"my dir/a b.jar\" 'it''s' plain\\ space");
    assertEquals("jars", m.name());
    assertEquals(List.of("lib/*.jar", "my dir/a b.jar", "its", "plain space"), m.args());
    assertFalse(m.cellMagic());
    assertEquals(List.of(), MagicLine.parse("%lsmagic").args());
    assertTrue(MagicLine.parse("%%writefile x").cellMagic());
  }

  @Test
  void anUnclosedQuoteIsAnError() {
    MagicError e = assertThrows(MagicError.class, () -> MagicLine.parse("%load \"x.jsh"));
    assertTrue(e.getMessage().contains("Unclosed \" quote"));
  }

  @Test
  void cellsSplitIntoCodeAndMagicLinesWithTheirCellLines() {
    List<CellPart> parts = CellPart.split("%jars lib/*.jar\r\nimport a.B;\n\nB.x();\n%load y\n\n  \nint z = 1;");
    assertEquals(List.of(
        new CellPart(true, "%jars lib/*.jar", 1, null),
        new CellPart(false, "import a.B;\n\nB.x();", 2, null),
        new CellPart(true, "%load y", 5, null),
        new CellPart(false, "\n  \nint z = 1;", 6, null)), parts);
  }

  @Test
  void ijavasInlineFormIsAMagicWhoseValueADeclarationTakes() {
    List<CellPart> parts = CellPart.split("int a = 1;\nList<String> added = %jars lib/*.jar\nadded.size()");
    assertEquals(List.of(
        new CellPart(false, "int a = 1;", 1, null),
        new CellPart(true, "%jars lib/*.jar", 2, "List<String> added ="),
        new CellPart(false, "added.size()", 3, null)), parts);
    assertEquals("var jars =", CellPart.split("var jars = %jars a.jar;").get(0).assignedTo(), "a trailing ';' is not an argument");
    for (String java : List.of("boolean same = a == %b;", "x %= 3;", "String f = \"= %d\";", "int r = a %b;", "y = 5 % 2;",
        "// total = %jars x")) {
      assertTrue(CellPart.split(java).stream().noneMatch(CellPart::magic), java);
    }
  }
}
