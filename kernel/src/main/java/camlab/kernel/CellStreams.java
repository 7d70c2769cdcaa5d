package camlab.kernel;

import io.github.spencerpark.jupyter.kernel.JupyterIO;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;

/**
 * A fresh {@code System.out} and {@code System.err} for every cell, writing to the same notebook streams.
 *
 * <p>Why: the base kernel hands every cell the same two PrintStream objects. A cell the kernel could not
 * stop (Java 20+ has no {@code Thread.stop}) that holds one of their monitors, e.g. inside
 * {@code synchronized (System.out)}, would block every later print, and JShell's own flush after each
 * snippet, for good. With one PrintStream per cell that lock blocks nothing that comes after.
 *
 * <p>The notebook streams are the base kernel's private {@code JupyterIO} fields (basekernel 2.3.0, whose
 * API is frozen); if they cannot be read, cells share the base kernel's streams as before.
 */
final class CellStreams {
  private final OutputStream out;
  private final OutputStream err;

  private CellStreams(OutputStream out, OutputStream err) {
    this.out = out;
    this.err = err;
  }

  static CellStreams of(JupyterIO io) {
    try {
      return new CellStreams(field(io, "jupyterOut"), field(io, "jupyterErr"));
    } catch (ReflectiveOperationException | RuntimeException e) {
      System.err.println("CamLab kernel: cells share one System.out (" + e + ")");
      return new CellStreams(null, null);
    }
  }

  private static OutputStream field(JupyterIO io, String name) throws ReflectiveOperationException {
    Field f = JupyterIO.class.getDeclaredField(name);
    f.setAccessible(true);
    return (OutputStream) f.get(io);
  }

  /** Points System.out and System.err at new PrintStreams for the cell that starts now. */
  void install() {
    if (out == null) return;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }
}
