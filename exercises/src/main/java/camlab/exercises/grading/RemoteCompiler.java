package camlab.exercises.grading;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import camlab.exercises.registry.Exercise;
import camlab.exercises.sandbox.CompilerServer;
import camlab.exercises.sandbox.Wire;

/**
 * The grading JVM's handle on a compiler JVM, which compiles cells one after another with a warm javac. A cell that
 * makes javac crash, hang or run out of memory is rejected with the reason, and this compiler is done: the grading
 * run starts another for the next cell.
 */
final class RemoteCompiler implements AutoCloseable {
  private final CellProcess process;
  private final GradeSettings settings;
  private boolean alive = true;
  private volatile long lastUsed = System.nanoTime();

  /** What compiling a cell gave. */
  sealed interface Compiled {
    /** The cell's class files and how lines of the wrapped class map back to cell lines. */
    record Classes(Map<String, byte[]> classes, int headerLines, int[] hoistedFrom) implements Compiled {
      int cellLine(int javaLine) {
        if (javaLine > headerLines) return javaLine - headerLines;
        return javaLine >= 1 && javaLine < hoistedFrom.length ? hoistedFrom[javaLine] : 0;
      }
    }

    record Rejected(String message, String details) implements Compiled {}
  }

  private RemoteCompiler(CellProcess process, GradeSettings settings) {
    this.process = process;
    this.settings = settings;
    process.clearDeadline();
  }

  static RemoteCompiler start(GradeSettings settings, Sandbox sandbox, List<Path> classpath, Set<Path> readable, Path workDir)
      throws IOException {
    return new RemoteCompiler(CellProcess.start(settings, sandbox, classpath, readable, CompilerServer.class.getName(), workDir), settings);
  }

  boolean alive() {
    return alive;
  }

  /** How long since its last compile ended. */
  java.time.Duration idleFor() {
    return java.time.Duration.ofNanos(System.nanoTime() - lastUsed);
  }

  Compiled compile(Exercise exercise, String source) {
    process.setDeadline(settings.timeout());
    try {
      Wire.PayloadWriter request = new Wire.PayloadWriter();
      exercise.cellSignature().write(request);
      request.writeString(source);
      Wire.write(process.out(), Wire.Type.COMPILE, request.toByteArray());
      Wire.Frame reply = Wire.read(process.in());
      Wire.Payload in = reply.reader();
      if (reply.type() == Wire.Type.REJECTED) {
        Compiled.Rejected r = new Compiled.Rejected(in.readString(), in.readString());
        if (r.message().contains("ran out of memory")) alive = false; // the compiler JVM ends itself after that
        return r;
      }
      if (reply.type() != Wire.Type.COMPILED) throw new Wire.ProtocolException("a " + reply.type() + " frame from the compiler");
      int headerLines = in.readInt();
      int[] hoisted = new int[in.readCount(4)];
      for (int i = 0; i < hoisted.length; i++) hoisted[i] = in.readInt();
      Map<String, byte[]> classes = new LinkedHashMap<>();
      int n = in.readCount(8);
      for (int i = 0; i < n; i++) classes.put(in.readString(), in.readBytes());
      return new Compiled.Classes(classes, headerLines, hoisted);
    } catch (IOException e) {
      alive = false;
      int code = process.exitCode(2000);
      process.kill();
      return new Compiled.Rejected(reason(code), VerdictRules.outputExcerpt(process.output(), process.outputBytes()));
    } finally {
      process.clearDeadline();
      lastUsed = System.nanoTime();
    }
  }

  private String reason(int exitCode) {
    Optional<CellProcess.Stop> stop = process.stop();
    if (stop.isPresent() && stop.get().limit() == CellProcess.Limit.TIMEOUT) {
      long s = settings.timeout().toSeconds();
      return "does not compile: the Java compiler took longer than " + s + " s on this cell — is it very long or deeply nested?";
    }
    if (stop.isPresent() && stop.get().limit() == CellProcess.Limit.MEMORY) {
      return "does not compile: the Java compiler used more than " + settings.memoryMb() + " MB on this cell — is it very long or deeply nested?";
    }
    return "does not compile: the Java compiler stopped unexpectedly on this cell (exit code " + exitCode + ")";
  }

  @Override
  public void close() {
    if (alive) {
      try {
        Wire.write(process.out(), Wire.Type.BYE, new byte[0]);
      } catch (IOException e) {
        // it has ended already
      }
    }
    process.close();
  }
}
