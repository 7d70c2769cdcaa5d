package camlab.kernel.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import camlab.kernel.exec.ThreadStopper;
import camlab.kernel.runtime.SystemExitBlocked;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** JShell in this JVM: line mapping of errors, value display rule, stops. One JShell for the class (~1 s). */
class JavaEvaluatorTest {
  private static JavaEvaluator eval;
  private static int cellCount;

  @BeforeAll
  static void startJShell() {
    eval = JavaEvaluator.start(Duration.ofMillis(500), ThreadStopper.jdk());
  }

  @AfterAll
  static void stopJShell() {
    eval.close();
  }

  @BeforeEach
  void newCell() {
    eval.runner().beginCell(null, null);
  }

  private static Optional<Object> cell(String code) throws CellFailure {
    return eval.run(code, SourceOrigin.cell(++cellCount), 1);
  }

  private static String text(CellFailure f) {
    return Ansi.strip(String.join("\n", f.traceback()));
  }

  @Test
  void compileErrorPointsAtTheCellLineInAMultiSnippetCell() {
    CompilationError e = assertThrows(CompilationError.class,
        () -> cell("int a1 = 1;\nint b1 = 2;\n\nint c1 = undefinedThing + 1;"));
    assertEquals("cannot find symbol (line 4 of this cell)", e.getMessage());
    List<String> lines = Ansi.strip(String.join("\n", e.traceback())).lines().toList();
    int at = lines.indexOf("  4 | int c1 = undefinedThing + 1;");
    assertTrue(at >= 0, () -> String.join("\n", lines));
    assertEquals("    |          ^^^^^^^^^^^^^^", lines.get(at + 1));
    assertTrue(text(e).contains("symbol:   variable undefinedThing"));
    assertFalse(text(e).contains("location: class"), "JShell's nameless wrapper class is not shown");
    assertTrue(text(e).contains("already run"), "the two statements before it ran");
  }

  @Test
  void linesAfterMagicLinesAreCountedFromTheCellStart() {
    CompilationError e = assertThrows(CompilationError.class,
        () -> eval.run("String s2 = 42;", SourceOrigin.cell(++cellCount), 3));
    assertTrue(e.getMessage().endsWith("(line 3 of this cell)"), e.getMessage());
    assertTrue(text(e).contains("  3 | String s2 = 42;"), text(e));
  }

  @Test
  void runtimeErrorShowsTheThrowingLineInAnEarlierCellAndTheCallingLine() throws CellFailure {
    cell("// helpers\nint divide(int a, int b) {\n  return a / b;\n}");
    int definedIn = cellCount;
    UncaughtException e = assertThrows(UncaughtException.class, () -> cell("int x3 = 1;\n\nint y3 = divide(x3, 0);"));
    assertEquals("java.lang.ArithmeticException: / by zero (line 3 of cell [" + definedIn + "])", e.getMessage());
    String t = text(e);
    assertTrue(t.contains("at line 3 of cell [" + definedIn + "], in divide():   return a / b;"), t);
    assertTrue(t.contains("at line 3 of this cell:   int y3 = divide(x3, 0);"), t);
    assertInstanceOf(ArithmeticException.class, e.thrown());
  }

  @Test
  void statementsOnOneLineKeepTheirLine() {
    UncaughtException e = assertThrows(UncaughtException.class,
        () -> cell("int[] arr = new int[2];\nint ok = 1; int bad = arr[5];"));
    assertTrue(e.getMessage().startsWith("java.lang.ArrayIndexOutOfBoundsException"), e.getMessage());
    assertTrue(e.getMessage().endsWith("(line 2 of this cell)"), e.getMessage());
    assertTrue(text(e).contains("int ok = 1; int bad = arr[5];"), text(e));
  }

  @Test
  void lastExpressionWithoutSemicolonIsTheValue() throws CellFailure {
    assertEquals(Optional.of(3), cell("int q4 = 1;\nq4 + 2"));
    assertEquals(Optional.empty(), cell("q4 + 2;"), "a trailing ';' keeps the cell quiet");
    assertEquals(Optional.of(1), cell("q4"));
    assertEquals(Optional.empty(), cell("int r4 = 7"), "declarations are not displayed");
    assertEquals(Optional.empty(), cell("String nothing = null;\nnothing"), "null shows nothing");
    assertEquals(Optional.empty(), cell("// just a comment"));
  }

  @Test
  void incompleteCodeRunsNothing() throws CellFailure {
    IncompleteCode e = assertThrows(IncompleteCode.class,
        () -> cell("int ran5 = 1;\n\n// loop\nfor (int i = 0; i < 3; i++) {\n  ran5 += i;"));
    assertTrue(e.getMessage().contains("line 4 of this cell"), e.getMessage());
    assertThrows(CompilationError.class, () -> cell("ran5"), "the first statement did not run either");
  }

  @Test
  void theRealExceptionIsKeptWithItsCauses() throws CellFailure {
    cell("int answer() { throw new java.util.NoSuchElementException(\"9.1\"); }");
    UncaughtException e = assertThrows(UncaughtException.class,
        () -> cell("try { answer(); } catch (RuntimeException x) { throw new IllegalStateException(\"wrapped\", x); }"));
    assertInstanceOf(IllegalStateException.class, e.thrown());
    assertEquals("9.1", e.thrown().getCause().getMessage());
    assertInstanceOf(java.util.NoSuchElementException.class, e.thrown().getCause(), "what an extension looks for among the causes");
    assertTrue(text(e).contains("Caused by: java.util.NoSuchElementException"), text(e));
  }

  @Test
  void systemExitInACellIsBlocked() {
    UncaughtException e = assertThrows(UncaughtException.class, () -> cell("System.exit(3);"));
    assertInstanceOf(SystemExitBlocked.class, e.thrown());
    UncaughtException viaRuntime = assertThrows(UncaughtException.class, () -> cell("Runtime.getRuntime().halt(1);"));
    assertInstanceOf(SystemExitBlocked.class, viaRuntime.thrown());
    UncaughtException viaReference = assertThrows(UncaughtException.class,
        () -> cell("java.util.function.IntConsumer quit = System::exit;\nquit.accept(0);"));
    assertInstanceOf(SystemExitBlocked.class, viaReference.thrown());
  }

  @Test
  void recursionIsFoldedAndExplained() throws CellFailure {
    cell("int down(int n) { return down(n + 1) + 1; }");
    UncaughtException e = assertThrows(UncaughtException.class, () -> cell("down(0)"));
    String t = text(e);
    assertTrue(t.startsWith("java.lang.StackOverflowError"), t);
    assertTrue(t.contains("times in a row"), t);
    assertTrue(t.contains("base case"), t);
    assertTrue(t.lines().count() < 12, t);
  }

  @Test
  void callingAMethodWithAMissingDependencyExplainsWhatIsMissing() throws CellFailure {
    cell("void needsHelper() { helper6(); }");
    UnresolvedReference e = assertThrows(UnresolvedReference.class, () -> cell("needsHelper();"));
    assertTrue(e.getMessage().contains("needsHelper() cannot run yet: it uses method helper6()"), e.getMessage());
  }

  @Test
  void interruptStopsASleepingCell() {
    interruptWhenRunning();
    CellInterrupted e = assertThrows(CellInterrupted.class,
        () -> cell("int spins = 0;\n{ " + RUNNING + "while (true) { Thread.sleep(10); spins++; } }"));
    assertEquals("Interrupted at line 2 of this cell.", e.getMessage());
  }

  @Test
  void timeLimitStopsACell() {
    eval.runner().beginCell(Duration.ofMillis(300), null);
    CellTimedOut e = assertThrows(CellTimedOut.class, () -> cell("Thread.sleep(20_000);"));
    // on a busy machine compiling the cell can take the whole limit: then it stops before its first line, with the same limit named
    assertTrue(e.getMessage().matches("Stopped( before line 1 of this cell ran)?: the cell (ran past|reached) its time limit of 300 ms.*"),
        e.getMessage());
  }

  @Test
  void aCellThatIgnoresInterruptsIsForceStoppedOnJava17() throws CellFailure {
    org.junit.jupiter.api.Assumptions.assumeTrue(Runtime.version().feature() < 20, "Thread.stop works on Java 17-19 only");
    interruptWhenRunning();
    CellInterrupted e = assertThrows(CellInterrupted.class, () -> cell("long n7 = 0;\n{ " + RUNNING + "while (true) { n7++; } }"));
    assertTrue(e.getMessage().contains("force-stopped"), e.getMessage());
    eval.runner().beginCell(null, null);
    assertEquals(Optional.of(2), cell("1 + 1"), "the next cell runs");
  }

  /** Cell code that tells the test the cell's code runs (compiling can take long on a busy machine). */
  private static final String RUNNING = "System.setProperty(\"camlab.test.running\", \"yes\"); ";

  private static void interruptWhenRunning() {
    System.clearProperty("camlab.test.running");
    Thread t = new Thread(() -> {
      try {
        while (System.getProperty("camlab.test.running") == null) Thread.sleep(10);
        Thread.sleep(100);
      } catch (InterruptedException ignored) {
        return;
      }
      eval.runner().interrupt();
    });
    t.setDaemon(true);
    t.start();
  }

  @Test
  void aMethodBrokenByALaterChangeSaysWhichErrorAndWhere() throws CellFailure {
    cell("int base() { return 1; }");
    cell("int plusOne() { return base() + 1; }");
    int definedIn = cellCount;
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    java.io.PrintStream saved = System.err;
    System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
    try {
      cell("String base() { return \"a\"; }"); // the return type changes
    } finally {
      System.setErr(saved);
    }
    String note = err.toString(java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(note.contains("Note: plusOne() can no longer be used after this change to base(): incompatible types:"
        + " java.lang.String cannot be converted to int (line 1 of cell [" + definedIn + "]: int plusOne() { return base() + 1; })"),
        note);
    UnresolvedReference e = assertThrows(UnresolvedReference.class, () -> cell("plusOne()"));
    assertEquals("plusOne() cannot run: its code no longer compiles: incompatible types: java.lang.String cannot be"
        + " converted to int (line 1 of cell [" + definedIn + "]: int plusOne() { return base() + 1; }).", e.getMessage());
    assertTrue(text(e).contains("Change plusOne() to match and run its cell again, or undo that change."), text(e));
  }

  @Test
  void aMethodUsingSomethingUndefinedNamesIt() throws CellFailure {
    cell("int usesLater() { return later() * 2; }");
    UnresolvedReference e = assertThrows(UnresolvedReference.class, () -> cell("usesLater()"));
    assertEquals("usesLater() cannot run yet: it uses method later(), which is not defined.", e.getMessage());
  }
}
