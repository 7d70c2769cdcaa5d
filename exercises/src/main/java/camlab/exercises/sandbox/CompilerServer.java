package camlab.exercises.sandbox;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The main class of a compiler JVM: it compiles exercise cells, one request at a time, and sends back their class
 * files. No cell's code ever runs here (annotation processing is off), so one warm compiler serves every cell of a
 * grading run; a cell that crashes or hangs javac costs only this JVM, which the grading JVM then replaces.
 */
public final class CompilerServer {
  /** Stack of the compiler's thread: deep expressions are legal Java, and javac recurses once per nesting level. */
  static final long COMPILER_STACK_BYTES = 512L << 20;

  private CompilerServer() {}

  public static void main(String[] args) throws IOException {
    DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16));
    DataInputStream in = new DataInputStream(new BufferedInputStream(new FileInputStream(FileDescriptor.in), 1 << 16));
    PrintStream log = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
    System.setOut(log);
    System.setIn(new ByteArrayInputStream(new byte[0]));
    String classpath = System.getProperty("java.class.path");
    while (true) {
      Wire.Frame frame;
      try {
        frame = Wire.read(in);
      } catch (EOFException e) {
        break; // the grading JVM has gone
      }
      if (frame.type() != Wire.Type.COMPILE) break;
      Wire.Payload request = frame.reader();
      CellSignature signature = CellSignature.read(request);
      CompileOutcome outcome = compileGuarded(signature, request.readString(), classpath, COMPILER_STACK_BYTES);
      Wire.PayloadWriter reply = new Wire.PayloadWriter();
      if (outcome instanceof CompileOutcome.Rejected r) {
        reply.writeString(r.message()).writeString(r.details());
        Wire.write(out, Wire.Type.REJECTED, reply.toByteArray());
        if (r.message().contains("ran out of memory")) break; // javac's state is not to be trusted now
      } else {
        writeCompiled(reply, (CompileOutcome.Compiled) outcome);
        Wire.write(out, Wire.Type.COMPILED, reply.toByteArray());
      }
    }
    log.flush();
    Runtime.getRuntime().halt(0);
  }

  /**
   * Compiles in a thread of its own with a {@code stackBytes} stack; whatever goes wrong in javac — a stack overflow,
   * running out of memory, a crash — is a rejection of the cell with a message, not the end of this JVM.
   */
  static CompileOutcome compileGuarded(CellSignature signature, String source, String classpath, long stackBytes) {
    AtomicReference<Object> result = new AtomicReference<>();
    Thread javac = new Thread(null, () -> {
      try (CellCompiler compiler = new CellCompiler(classpath)) {
        result.set(compiler.compile(signature, source));
      } catch (Throwable t) {
        result.set(t);
      }
    }, "javac", stackBytes);
    javac.start();
    try {
      javac.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new CompileOutcome.Rejected("compiling was interrupted", "");
    }
    Object r = result.get();
    if (r instanceof CompileOutcome o) return o;
    for (Throwable t = (Throwable) r; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof StackOverflowError || t instanceof OutOfMemoryError) {
        r = t; // javac wraps its own stack overflow in an IllegalStateException
        break;
      }
    }
    if (r instanceof StackOverflowError) {
      return new CompileOutcome.Rejected("does not compile: the Java compiler's stack overflowed on this cell — an expression or"
          + " statement is nested too deeply; split it into several statements", "");
    }
    if (r instanceof OutOfMemoryError) {
      return new CompileOutcome.Rejected("does not compile: the Java compiler ran out of memory on this cell (heap limit "
          + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB) — is it very long or deeply nested?", "");
    }
    return new CompileOutcome.Rejected("does not compile: the Java compiler failed on this cell: " + r, "");
  }

  /** The class files and the line mapping of a compiled cell, as the grading JVM reads them. */
  private static void writeCompiled(Wire.PayloadWriter out, CompileOutcome.Compiled compiled) throws IOException {
    WrappedCell cell = compiled.cell();
    out.writeInt(cell.headerLines());
    int[] hoisted = cell.hoistedFrom();
    out.writeInt(hoisted.length);
    for (int line : hoisted) out.writeInt(line);
    writeClasses(out, compiled.classes());
  }

  /** Class files: a count, then each binary name and its bytes. */
  public static void writeClasses(Wire.PayloadWriter out, Map<String, byte[]> classes) throws IOException {
    out.writeInt(classes.size());
    for (Map.Entry<String, byte[]> c : classes.entrySet()) out.writeString(c.getKey()).writeBytes(c.getValue());
  }
}
