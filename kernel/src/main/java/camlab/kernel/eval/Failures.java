package camlab.kernel.eval;

import camlab.kernel.exec.Durations;
import camlab.kernel.exec.LockWait;
import camlab.kernel.exec.Outcome;
import camlab.kernel.exec.StopMode;
import camlab.kernel.exec.StopReason;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShellException;

/** Builds the user-facing reports of failed cells: what went wrong, where in the cell, what to do. */
final class Failures {
  private Failures() {}

  /** A position inside the code being evaluated, as the user sees it. */
  record Where(String text, int firstLine, SourceOrigin origin) {
    int lineNumber(int offset) {
      return firstLine + TextPosition.lineOf(text, offset);
    }

    String describeLine(int offset) {
      return "line " + lineNumber(offset) + " of " + origin.describe(origin.executionCount());
    }
  }

  static CompilationError compilation(List<Diag> errors, SourceUnit unit, int sourceShift, Where where, boolean earlierCodeRan) {
    List<String> lines = new ArrayList<>();
    String summary = null;
    for (Diag d : errors) {
      List<String> message = messageLines(d);
      String headline = message.isEmpty() ? "JShell rejected this code" : message.get(0);
      String at;
      List<String> pointer = List.of();
      if (d.getPosition() < 0) {
        at = where.describeLine(unit.offset());
      } else {
        int pos = unit.cellOffset(sourceShift + (int) d.getPosition());
        int start = unit.cellOffset(sourceShift + (int) Math.max(0, d.getStartPosition()));
        int end = unit.cellOffset(sourceShift + (int) Math.max(d.getStartPosition(), d.getEndPosition() - 1)) + 1;
        int lineStart = TextPosition.lineStart(where.text, pos);
        int lineEnd = TextPosition.lineEnd(where.text, pos);
        int from = start >= lineStart && start <= pos ? start - lineStart : pos - lineStart;
        int to = end > pos && end <= lineEnd ? end - lineStart : pos - lineStart + 1;
        at = where.describeLine(pos);
        pointer = SourcePointer.point(where.lineNumber(pos), TextPosition.lineText(where.text, pos), from, to);
      }
      if (summary == null) summary = headline + " (" + at + ")";
      lines.add(Ansi.red("error: ") + Ansi.bold(headline) + " — " + at);
      lines.addAll(pointer);
      for (String detail : message.subList(Math.min(1, message.size()), message.size())) lines.add("  " + detail.strip());
    }
    if (earlierCodeRan) lines.add(Ansi.dim("(The code above that statement has already run.)"));
    return new CompilationError(summary == null ? "The code does not compile" : summary, lines);
  }

  /** An import the kernel took back because it would have broken earlier declarations (see JavaEvaluator). */
  static CompilationError importUndone(String importSource, SourceUnit unit, List<String> broken, List<String> why,
                                       String clashingClass, Where where, boolean earlierCodeRan) {
    int at = firstCodeOffset(unit);
    int col = at - TextPosition.lineStart(where.text, at);
    String headline = "this import was undone: it would break code defined earlier";
    List<String> lines = new ArrayList<>();
    lines.add(Ansi.red("error: ") + Ansi.bold(headline) + " — " + where.describeLine(at));
    lines.addAll(SourcePointer.point(where.lineNumber(at), TextPosition.lineText(where.text, at), col,
        col + importSource.strip().length()));
    String name = importSource.strip().replaceFirst("^import\\s+(static\\s+)?", "").replaceFirst("\\s*;$", "");
    if (clashingClass != null) {
      lines.add("  A class named " + clashingClass + " is declared in this notebook; Java allows only one type per simple"
          + " name, so no code could compile after this import.");
      lines.add("  Write the full name (" + name + ") where you need it, or rename your class.");
    } else {
      lines.add("  " + String.join(", ", broken) + (broken.size() == 1 ? " does" : " do")
          + " not compile with it" + (why.isEmpty() ? "" : ": " + why.get(0).strip()));
      for (String detail : why.subList(Math.min(1, why.size()), why.size())) lines.add("    " + detail.strip());
      lines.add("  and would lose " + (broken.size() == 1 ? "its value" : "their values") + ". Import only the classes you"
          + " need (import a.b.Name;) or write full names (a.b.Name) instead of a star import.");
    }
    if (earlierCodeRan) lines.add(Ansi.dim("(The code above that statement has already run.)"));
    return new CompilationError("This import was undone: it would break code defined earlier (" + where.describeLine(at) + ")", lines);
  }

  /** javac's message without JShell's empty "location: class" line (its wrapper class has no name). */
  static List<String> messageLines(Diag d) {
    List<String> out = new ArrayList<>();
    for (String l : d.getMessage(Locale.ROOT).split("\n")) {
      if (l.strip().matches("location: class\\s*")) continue;
      if (!l.isBlank()) out.add(l);
    }
    return out;
  }

  static IncompleteCode incomplete(SourceUnit unit, Where where) {
    int at = firstCodeOffset(unit);
    String headline = "the code is incomplete: this statement or declaration never ends";
    List<String> lines = new ArrayList<>();
    lines.add(Ansi.red("error: ") + Ansi.bold(headline) + " — " + where.describeLine(at));
    lines.addAll(SourcePointer.point(where.lineNumber(at), TextPosition.lineText(where.text, at),
        at - TextPosition.lineStart(where.text, at), at - TextPosition.lineStart(where.text, at) + 1));
    lines.add("  Add the missing '}', ')' or ';', or finish the statement. Nothing in the cell has run.");
    return new IncompleteCode("The code is incomplete (" + where.describeLine(at) + ")", lines);
  }

  /** The first offset of the unit that is neither whitespace nor inside a line comment. */
  private static int firstCodeOffset(SourceUnit unit) {
    String raw = unit.raw();
    int i = 0;
    while (i < raw.length()) {
      if (Character.isWhitespace(raw.charAt(i))) {
        i++;
      } else if (raw.startsWith("//", i)) {
        int nl = raw.indexOf('\n', i);
        if (nl < 0) break;
        i = nl + 1;
      } else {
        return unit.offset() + i;
      }
    }
    return unit.offset();
  }

  static UncaughtException uncaught(EvalException e, Throwable thrown, SnippetOrigins origins, int current) {
    String header = header(e);
    StackFormatter.Formatted stack = StackFormatter.format(e.getStackTrace(), origins, current);
    List<String> lines = new ArrayList<>();
    lines.add(Ansi.red(header));
    lines.addAll(stack.lines());
    for (JShellException c = causeOf(e); c != null; c = causeOf(c)) {
      lines.add("Caused by: " + (c instanceof EvalException ce ? header(ce) : String.valueOf(c.getMessage())));
      lines.addAll(StackFormatter.format(c.getStackTrace(), origins, current).lines());
    }
    lines.addAll(hints(e.getExceptionClassName(), e.getMessage()));
    String at = stack.firstUserLine() == null ? "" : " (" + stack.firstUserLine().describe(current) + ")";
    return new UncaughtException(header + at, lines, thrown);
  }

  private static JShellException causeOf(Throwable t) {
    return t.getCause() instanceof JShellException c && c != t ? c : null;
  }

  private static String header(EvalException e) {
    String msg = e.getMessage();
    return e.getExceptionClassName() + (msg == null || msg.isEmpty() ? "" : ": " + msg);
  }

  private static List<String> hints(String exceptionClass, String message) {
    if ("java.lang.OutOfMemoryError".equals(exceptionClass)) {
      if (message != null && message.contains("array size")) {
        return List.of(Ansi.dim("Hint: no Java array can hold that many elements (the limit is about 2^31 - 1)."));
      }
      return List.of(Ansi.dim(HeapHint.text(Runtime.getRuntime().maxMemory(), HeapHint.physicalMemory())));
    }
    if ("java.lang.StackOverflowError".equals(exceptionClass)) {
      return List.of(Ansi.dim("Hint: a method called itself too deeply, usually endless recursion: check that the"
          + " recursive method reaches its base case."));
    }
    return List.of();
  }

  static CellFailure stopped(Outcome.Stopped stop, EvalException e, SnippetOrigins origins, int current,
                             Duration timeout, Duration grace) {
    StackFormatter.Formatted stack = StackFormatter.format(e.getStackTrace(), origins, current);
    String at = stack.firstUserLine() == null ? "" : " at " + stack.firstUserLine().describe(current);
    String what = stop.reason() == StopReason.INTERRUPTED
        ? "Interrupted"
        : "Stopped: the cell ran past its time limit of " + Durations.format(timeout) + " (CAMLAB_CELL_TIMEOUT)";
    String summary;
    List<String> lines = new ArrayList<>();
    if (stop.mode() == StopMode.RESPONDED) {
      summary = what + at + ".";
    } else if (stop.mode() == StopMode.FORCED) {
      summary = what + at + ". The code ignored the interrupt for " + Durations.format(grace)
          + ", so the kernel force-stopped its thread; objects it was changing may be half-updated.";
    } else if (stop.waitingFor() != null) {
      // Thread.stop cannot end a thread blocked entering a synchronized block: it would have to get the lock first
      summary = what + ", but the code is blocked waiting for a lock, which no interrupt or force-stop can end: it stays"
          + " blocked in the background" + at + " (using no CPU). The kernel still works; restart it (Kernel > Restart)"
          + " to end that code.";
    } else if (Runtime.version().feature() < 20) {
      summary = what + ", but the code did not end even when force-stopped (it may be stuck in native code): it keeps"
          + " running in the background" + at + ". The kernel still works; restart it (Kernel > Restart) to end that code.";
    } else {
      summary = what + ", but the code ignores interrupts and Java " + Runtime.version().feature()
          + " cannot force-stop a thread: it keeps running in the background" + at + " and uses CPU."
          + " The kernel still works; restart it (Kernel > Restart) to end that code.";
    }
    lines.add(Ansi.red(summary));
    if (stop.waitingFor() != null) lines.add(lockWait(stop.waitingFor()));
    lines.addAll(stack.lines());
    if (stop.waitingFor() != null) {
      lines.add(Ansi.dim("Tip: synchronized and lock() wait for ever and ignore interrupts; lock.tryLock(10, TimeUnit.SECONDS)"
          + " or lock.lockInterruptibly() can give up. Release locks in finally blocks."));
    } else if (stop.mode() != StopMode.RESPONDED) {
      lines.add(Ansi.dim("Tip: a long loop stops at once if it calls Thread.sleep or checks"
          + " Thread.currentThread().isInterrupted()."));
    }
    return stop.reason() == StopReason.INTERRUPTED ? new CellInterrupted(summary, lines) : new CellTimedOut(summary, lines);
  }

  /** "It was waiting for a lock ... held by ...": why the cell could not go on. */
  static String lockWait(LockWait w) {
    String holder;
    if (w.owner() == null) {
      holder = "that another thread holds";
    } else if (w.ownerIsCellThread()) {
      holder = "held by " + w.owner() + ", the thread of an earlier cell that was stopped but is still running"
          + " (restart the kernel to end it)";
    } else {
      holder = "held by the thread \"" + w.owner() + "\"" + (w.ownerState() == null ? "" : " (" + w.ownerState() + ")")
          + ", which has not released it";
    }
    return "It was waiting for a lock (" + w.lock() + ") " + holder + ".";
  }

  static CellFailure stoppedBefore(StopReason reason, SourceUnit next, Where where, Duration timeout) {
    String line = where.describeLine(firstCodeOffset(next));
    if (reason == StopReason.INTERRUPTED) {
      String msg = "Interrupted before " + line + " ran.";
      return new CellInterrupted(msg, List.of(Ansi.red(msg)));
    }
    String msg = "Stopped before " + line + " ran: the cell reached its time limit of " + Durations.format(timeout)
        + " (CAMLAB_CELL_TIMEOUT).";
    return new CellTimedOut(msg, List.of(Ansi.red(msg)));
  }

  /**
   * A declaration that cannot run: it uses names not defined ({@code missing}), or it no longer compiles
   * ({@code compileError}, e.g. after a method it calls changed its return type in a later cell).
   */
  static UnresolvedReference unresolved(String what, List<String> missing, String compileError, StackTraceElement[] frames,
                                        SnippetOrigins origins, int current) {
    String summary;
    String todo;
    if (!missing.isEmpty()) {
      summary = what + " cannot run yet: it uses " + String.join(", ", missing) + ", which " + (missing.size() == 1 ? "is" : "are")
          + " not defined.";
      todo = "  Define " + (missing.size() == 1 ? "it" : "them") + " (or fix the name), then run this cell again.";
    } else if (compileError != null) {
      summary = what + " cannot run: its code no longer compiles: " + compileError + ".";
      todo = "  Most likely a cell changed something " + what + " uses after it was defined (a method's return or parameter"
          + " types, a class's fields or methods). Change " + what + " to match and run its cell again, or undo that change.";
    } else {
      summary = what + " cannot run: JShell marks it as unusable without saying why.";
      todo = "  Run the cell that defines it again to see the error.";
    }
    List<String> lines = new ArrayList<>();
    lines.add(Ansi.red(summary));
    lines.add(todo);
    lines.addAll(StackFormatter.format(frames, origins, current).lines());
    return new UnresolvedReference(summary, lines);
  }
}
