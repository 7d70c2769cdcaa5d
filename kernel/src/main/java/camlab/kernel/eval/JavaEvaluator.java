package camlab.kernel.eval;

import camlab.kernel.exec.InProcessEngine;
import camlab.kernel.exec.InProcessExecutionControl;
import camlab.kernel.exec.Outcome;
import camlab.kernel.exec.StopReason;
import camlab.kernel.exec.ThreadStopper;
import camlab.kernel.exec.UserCodeRunner;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.ImportSnippet;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.MethodSnippet;
import jdk.jshell.Snippet;
import jdk.jshell.Snippet.Status;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.TypeDeclSnippet;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;

/**
 * Java code in, values or precise errors out: JShell running in this JVM, snippet by snippet.
 *
 * <p>Not thread-safe: the kernel calls it from its shell thread only (JShell itself is single-threaded);
 * {@link #runner()}{@code .interrupt()} is the one call allowed from other threads.
 */
public final class JavaEvaluator implements AutoCloseable {
  private final JShell shell;
  private final InProcessExecutionControl control;
  private final Duration grace;
  private final SnippetOrigins origins = new SnippetOrigins();

  private JavaEvaluator(JShell shell, InProcessExecutionControl control, Duration grace) {
    this.shell = shell;
    this.control = control;
    this.grace = grace;
  }

  /**
   * Builds JShell. Call this on the thread whose children should see JShell's snippet class loader as their
   * context class loader (the kernel calls it before it opens the Jupyter sockets and starts their threads).
   *
   * @param grace how long interrupted code may ignore the interrupt before it is force-stopped
   */
  public static JavaEvaluator start(Duration grace, ThreadStopper stopper) {
    InProcessEngine engine = new InProcessEngine(grace, stopper);
    JShell shell = JShell.builder().executionEngine(engine, Map.of()).build();
    return new JavaEvaluator(shell, engine.control(), grace);
  }

  public UserCodeRunner runner() {
    return control.runner();
  }

  public SourceCodeAnalysis analysis() {
    return shell.sourceCodeAnalysis();
  }

  /** The names of the variables, methods and classes the notebook's cells declared (and that still work). */
  public java.util.Set<String> notebookNames() {
    java.util.Set<String> names = new java.util.HashSet<>();
    shell.variables().filter(v -> shell.status(v).isActive()).forEach(v -> names.add(v.name()));
    shell.methods().filter(m -> shell.status(m).isActive()).forEach(m -> names.add(m.name()));
    shell.types().filter(t -> shell.status(t).isActive()).forEach(t -> names.add(t.name()));
    return names;
  }

  /** Adds a jar or class folder for the compiler and the snippet class loader. */
  public void addToClasspath(String path) {
    shell.addToClasspath(path);
  }

  /**
   * Runs {@code text} snippet by snippet and returns the value of its last expression when that expression
   * is written without a trailing ';' (a trailing ';' keeps the cell quiet, as in IPython).
   *
   * @param firstLine 1-based line of {@code origin} where {@code text} starts (text after magic lines)
   * @throws CellFailure when the code is incomplete, does not compile, throws, or was stopped; the snippets
   *     before the failing one have run
   */
  public Optional<Object> run(String text, SourceOrigin origin, int firstLine) throws CellFailure {
    Failures.Where where = new Failures.Where(text, firstLine, origin);
    List<SourceUnit> units = SourceUnits.split(shell.sourceCodeAnalysis(), text);
    if (!units.isEmpty()) {
      SourceUnit last = units.get(units.size() - 1);
      if (!last.isComplete() && last.completeness() != jdk.jshell.SourceCodeAnalysis.Completeness.UNKNOWN) {
        throw Failures.incomplete(last, where);
      }
    }
    Optional<Object> value = Optional.empty();
    try {
      for (int i = 0; i < units.size(); i++) {
        SourceUnit unit = units.get(i);
        StopReason stop = runner().pendingStop();
        if (stop != null) throw Failures.stoppedBefore(stop, unit, where, runner().timeout());
        value = evalUnit(unit, where, i > 0, i == units.size() - 1);
      }
    } finally {
      control.forgetLast();
    }
    return value;
  }

  private Optional<Object> evalUnit(SourceUnit unit, Failures.Where where, boolean earlierCodeRan, boolean last)
      throws CellFailure {
    List<SnippetEvent> events = shell.eval(unit.source());
    SnippetEvent main = null;
    for (SnippetEvent e : events) {
      if (e.causeSnippet() != null) continue; // side effects on older snippets
      main = e;
      Snippet s = e.snippet();
      int shift = sourceShift(unit, s);
      if (e.status() == Status.REJECTED) {
        List<Diag> errors = shell.diagnostics(s).filter(Diag::isError).toList();
        throw Failures.compilation(errors, unit, shift, where, earlierCodeRan);
      }
      recordOrigin(s, unit, shift, where);
      if (e.exception() != null) throw runtimeFailure(e.exception(), unit, where);
      if (e.status() == Status.RECOVERABLE_DEFINED || e.status() == Status.RECOVERABLE_NOT_DEFINED) {
        noteUnresolved((DeclarationSnippet) s);
      }
    }
    if (main != null && main.snippet() instanceof ImportSnippet imp && main.status().isDefined()) {
      undoBreakingImport(imp, events, unit, where, earlierCodeRan);
    }
    noteSideEffects(events);
    boolean expression = main != null && (main.snippet().kind() == Snippet.Kind.EXPRESSION
        || main.snippet().subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND);
    if (last && expression && !unit.endsWithSemicolon() && control.hasLastValue()) {
      return Optional.ofNullable(control.lastValue());
    }
    return Optional.empty();
  }

  /** Where JShell's snippet source starts inside the unit (JShell splits e.g. {@code int a, b;} in two). */
  private static int sourceShift(SourceUnit unit, Snippet s) {
    return s.source().equals(unit.source()) ? 0 : Math.max(0, unit.source().indexOf(s.source()));
  }

  private void recordOrigin(Snippet s, SourceUnit unit, int shift, Failures.Where where) {
    int start = unit.cellOffset(shift);
    int startLine = TextPosition.lineOf(where.text(), start);
    int endLine = TextPosition.lineOf(where.text(), unit.offset() + unit.raw().length() - 1);
    String[] all = where.text().split("\n", -1);
    List<String> lines = Arrays.asList(all).subList(startLine, Math.min(endLine + 1, all.length));
    origins.record(s.id(), where.origin(), where.firstLine() + startLine, lines);
  }

  private CellFailure runtimeFailure(JShellException thrown, SourceUnit unit, Failures.Where where) {
    int current = where.origin().executionCount();
    if (thrown instanceof UnresolvedReferenceException u) {
      DeclarationSnippet s = u.getSnippet();
      return Failures.unresolved(describe(s), shell.unresolvedDependencies(s).toList(), compileError(s, current),
          u.getStackTrace(), origins, current);
    }
    EvalException e = (EvalException) thrown;
    Outcome.Stopped stop = control.lastStop();
    if (stop != null && InProcessExecutionControl.STOPPED_MARKER.equals(e.getExceptionClassName())) {
      if (stop.where().length == 0) return Failures.stoppedBefore(stop.reason(), unit, where, runner().timeout());
      return Failures.stopped(stop, e, origins, current, runner().timeout(), grace);
    }
    return Failures.uncaught(e, control.lastThrowable(), origins, current);
  }

  /**
   * An import that would stop earlier declarations from compiling is taken back, and the cell fails saying why.
   * JShell accepts such an import and recompiles every declaration it affects: {@code import java.awt.*;} after
   * {@code import java.util.*;} makes {@code List} ambiguous, and each variable declared with it is gone; an
   * import of a type named like a class declared in the notebook ({@code class Format} then
   * {@code import java.text.Format;}) makes every later snippet fail to compile, so nothing runs until a
   * restart. Taking the import back (JShell drops it and recompiles the declarations as they were) keeps the
   * variables and their values.
   */
  private void undoBreakingImport(ImportSnippet imp, List<SnippetEvent> events, SourceUnit unit, Failures.Where where,
                                  boolean earlierCodeRan) throws CompilationError {
    List<DeclarationSnippet> broken = new ArrayList<>();
    for (SnippetEvent e : events) {
      if (e.causeSnippet() == imp && e.snippet() instanceof DeclarationSnippet d
          && e.previousStatus().isDefined() && !e.status().isDefined()) {
        broken.add(d);
      }
    }
    String clash = clashingClass(imp);
    if (broken.isEmpty() && clash == null) return;
    List<String> why = broken.isEmpty() ? List.of() : firstError(broken.get(0));
    List<String> names = broken.stream().map(JavaEvaluator::describe).toList();
    shell.drop(imp);
    throw Failures.importUndone(imp.source(), unit, names, why, clash, where, earlierCodeRan);
  }

  /** The name of a class declared in a cell that a single-type import of the same simple name would clash with. */
  private String clashingClass(ImportSnippet imp) {
    boolean singleType = imp.subKind() == Snippet.SubKind.SINGLE_TYPE_IMPORT_SUBKIND
        || imp.subKind() == Snippet.SubKind.SINGLE_STATIC_IMPORT_SUBKIND;
    if (!singleType) return null;
    String simpleName = imp.name();
    return shell.types().filter(t -> shell.status(t).isActive() && t.name().equals(simpleName))
        .map(TypeDeclSnippet::name).findFirst().orElse(null);
  }

  private List<String> firstError(Snippet s) {
    return shell.diagnostics(s).filter(Diag::isError).findFirst().map(Failures::messageLines).orElse(List.of());
  }

  /**
   * Tells the user when running this snippet changed earlier declarations, as the jshell tool does ("update
   * replaced variable c, reset to null"): a variable whose code had to be reloaded under a new class lost its
   * value (a class it uses gained or lost a field or method: the JVM cannot apply that to loaded code), and a
   * declaration that no longer compiles cannot be used.
   */
  private void noteSideEffects(List<SnippetEvent> events) {
    for (SnippetEvent e : events) {
      if (e.causeSnippet() == null || !(e.snippet() instanceof DeclarationSnippet d)) continue;
      if (!e.previousStatus().isDefined() || e.status() == Status.OVERWRITTEN || e.status() == Status.DROPPED) continue;
      String cause = e.causeSnippet() instanceof DeclarationSnippet c ? describe(c) : "this cell";
      PrintStream err = System.err;
      // RECOVERABLE_DEFINED after VALID: still declared, but its code no longer compiles (e.g. a method it calls
      // now returns another type); JShell says so only when it is called
      boolean broken = !e.status().isDefined() || (e.status() == Status.RECOVERABLE_DEFINED && e.previousStatus() == Status.VALID);
      if (e.status().isDefined() && e.isSignatureChange() && d instanceof VarSnippet v) {
        err.println("Note: " + v.name() + " was reset to " + defaultValue(v.typeName()) + ": " + cause
            + " changed in a way that needed its declaration to be reloaded. Run the cell that sets it again.");
      } else if (broken) {
        List<String> missing = shell.unresolvedDependencies(d).toList();
        String error = compileError(d, -1);
        err.println("Note: " + describe(d) + " can no longer be used after this change to " + cause + ": "
            + (!missing.isEmpty() ? "it needs " + String.join(", ", missing) + "."
                : error == null ? "its declaration no longer compiles." : error + ". Change " + describe(d)
                    + " to match (and run its cell again), or change " + cause + " back."));
      }
    }
  }

  /**
   * The first compile error of a declaration, with where it is written: "incompatible types: ... (line 1 of cell [2]:
   * return f() + 1;)"; null if it has none.
   *
   * @param current the running cell's execution count, or -1 to name every cell by its number
   */
  private String compileError(DeclarationSnippet s, int current) {
    Diag d = shell.diagnostics(s).filter(Diag::isError).findFirst().orElse(null);
    if (d == null) return null;
    String message = String.join(" ", Failures.messageLines(d).stream().map(String::strip).toList());
    if (d.getPosition() < 0) return message;
    int line = TextPosition.lineOf(s.source(), (int) Math.min(d.getPosition(), s.source().length())) + 1;
    SnippetOrigins.Location at = origins.locate(s.id(), line);
    return at == null ? message : message + " (" + at.describe(current) + ": " + at.code() + ")";
  }

  private static String defaultValue(String type) {
    return switch (type) {
      case "boolean" -> "false";
      case "byte", "short", "int", "long", "char" -> "0";
      case "float", "double" -> "0.0";
      default -> "null";
    };
  }

  private void noteUnresolved(DeclarationSnippet s) {
    List<String> missing = shell.unresolvedDependencies(s).toList();
    if (missing.isEmpty()) return;
    PrintStream err = System.err;
    err.println("Note: " + describe(s) + " is defined, but it cannot be used until " + String.join(", ", missing)
        + (missing.size() == 1 ? " is" : " are") + " defined.");
  }

  private static String describe(DeclarationSnippet s) {
    if (s instanceof MethodSnippet) return s.name() + "()";
    if (s instanceof TypeDeclSnippet) return "class " + s.name();
    return s.name();
  }

  @Override
  public void close() {
    shell.close();
  }
}
