package camlab.kernel.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import camlab.kernel.exec.AgentForTests;
import camlab.kernel.exec.ThreadStopper;
import camlab.kernel.runtime.SystemExitBlocked;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Variables keep their values when JShell recompiles the code around them (imports, redefined methods and
 * classes), as in jshell with its default engine. A fresh JShell per test: imports change the whole session.
 */
class RedefinitionTest {
  private JavaEvaluator eval;
  private int cellCount;

  @BeforeAll
  static void agent() throws Exception {
    AgentForTests.install(); // what java -jar camlab-kernel.jar does through its manifest
  }

  @BeforeEach
  void startJShell() throws CellFailure {
    eval = JavaEvaluator.start(Duration.ofMillis(500), ThreadStopper.jdk());
    cell("import java.util.*;\nimport java.util.function.*;");
  }

  @AfterEach
  void stopJShell() {
    eval.close();
  }

  private Optional<Object> cell(String code) throws CellFailure {
    eval.runner().beginCell(null, null);
    try {
      return eval.run(code, SourceOrigin.cell(++cellCount), 1);
    } finally {
      eval.runner().endCell();
    }
  }

  private Object value(String expression) throws CellFailure {
    return cell(expression).orElse(null);
  }

  /** What the cell printed on System.err (the evaluator's notes). */
  private String stderrOf(String code) throws CellFailure {
    PrintStream old = System.err;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    try {
      cell(code);
    } finally {
      System.setErr(old);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aStarImportAfterAnImportInOneCellKeepsEveryValue() throws CellFailure {
    cell("var x = new ArrayList<String>(List.of(\"a\"));");
    cell("int f() { return 1; }");
    cell("Supplier<Integer> sup = () -> f() + 100;");
    cell("int g(int a) { return a + f(); }");
    cell("int z = g(1);");
    cell("int f() { return 3; }"); // sup's class now refers to f's new code: the star import recompiles it
    cell("import java.util.regex.Pattern;\nimport java.text.*;");
    assertEquals(java.util.List.of("a"), value("x"));
    assertEquals(2, value("z"));
    assertEquals(103, value("sup.get()"), "the lambda calls the redefined f, as in jshell");
    assertEquals(4, value("g(1)"));
  }

  @Test
  void aRedefinedMethodIsWhatOldCodeCalls() throws CellFailure {
    cell("int twice(int a) { return 2 * a; }");
    cell("IntUnaryOperator op = a -> twice(a);");
    cell("int before = op.applyAsInt(5);");
    cell("int twice(int a) { return 20 * a; }");
    assertEquals(10, value("before"));
    assertEquals(100, value("op.applyAsInt(5)"));
  }

  @Test
  void aVariableKeepsItsObjectWhenItsClassGetsNewMethodBodies() throws CellFailure {
    cell("class Counter { int n; int next() { return ++n; } }");
    cell("Counter c = new Counter();\nc.next();\nc.next();");
    cell("class Counter { int n; int next() { n += 10; return n; } }");
    assertEquals(12, value("c.next()"), "same object (n = 2), new code");
  }

  @Test
  void aClassThatGainsAFieldResetsItsVariablesAndSaysSo() throws CellFailure {
    cell("class Point { int x = 1; }");
    cell("Point p = new Point();\nint kept = 7;");
    String err = stderrOf("class Point { int x = 1; int y = 2; }");
    assertTrue(err.contains("Note: p was reset to null"), err);
    assertEquals(null, value("p"));
    assertEquals(7, value("kept"));
  }

  @Test
  void anImportThatMakesANameAmbiguousIsUndoneAndValuesStay() throws CellFailure {
    cell("var names = new ArrayList<String>(List.of(\"a\"));\nList<Integer> sizes = List.of(1, 2);");
    CompilationError e = assertThrows(CompilationError.class, () -> cell("int before = 1;\nimport java.awt.*;"));
    String t = Ansi.strip(String.join("\n", e.traceback()));
    assertTrue(t.contains("this import was undone") && t.contains("line 2 of this cell"), t);
    assertTrue(t.contains("names, sizes do not compile with it: reference to List is ambiguous"), t);
    assertEquals(java.util.List.of("a"), value("names"));
    assertEquals(java.util.List.of(1, 2), value("sizes"));
    assertEquals(1, value("before"), "the code before the import ran");
    assertEquals(255, value("java.awt.Color.BLUE.getBlue()"), "full names still work");
  }

  @Test
  void anImportOfANameDeclaredInTheNotebookIsUndone() throws CellFailure {
    cell("class Format { public String toString() { return \"mine\"; } }");
    CompilationError e = assertThrows(CompilationError.class, () -> cell("import java.text.Format;"));
    assertTrue(Ansi.strip(String.join("\n", e.traceback())).contains("A class named Format is declared in this notebook"));
    assertEquals(3L, value("long k = 3;\nk"), "later cells still compile");
    assertEquals("mine", value("new Format()").toString());
  }

  @Test
  void redefinedCellCodeStillCannotExitTheKernel() throws CellFailure {
    cell("void bye() { System.exit(1); }");
    cell("void bye() { System.exit(2); }"); // redefined in place: the exit guard must be applied again
    cell("import java.time.*;");
    UncaughtException e = assertThrows(UncaughtException.class, () -> cell("bye();"));
    assertInstanceOf(SystemExitBlocked.class, e.thrown());
  }
}
