package camlab.util;

import java.io.PrintStream;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * A progress bar for long loops (training, evaluation). Library code calls {@link #start}; where the
 * bar is drawn is pluggable: on a console by default, in place in a notebook when the kernel installs
 * its own factory with {@link #useFactory}.
 */
public interface Progress extends AutoCloseable {
  /** Reports that {@code done} of the total units are finished, with a short status such as "loss 0.41". */
  void update(long done, String status);

  /** Marks the task finished (idempotent). */
  @Override
  void close();

  /** Starts a bar titled {@code title} over {@code total} units. */
  static Progress start(String title, long total) {
    return Factory.current.apply(title, total);
  }

  /** Installs how bars are drawn from now on; returns the previous factory. */
  static BiFunction<String, Long, Progress> useFactory(BiFunction<String, Long, Progress> factory) {
    BiFunction<String, Long, Progress> previous = Factory.current;
    Factory.current = Objects.requireNonNull(factory);
    return previous;
  }

  /** Draws nothing. */
  static Progress silent() {
    return new Progress() {
      @Override public void update(long done, String status) {}
      @Override public void close() {}
    };
  }

  /** Holds the installed factory (interfaces cannot have mutable static fields of their own). */
  final class Factory {
    static volatile BiFunction<String, Long, Progress> current = (title, total) -> new ConsoleProgress(System.err, title, total);

    private Factory() {}
  }

  /**
   * A text bar: redrawn in place with '\r' on a terminal; elsewhere (CI logs) one line per 10 %, so logs
   * stay short.
   */
  final class ConsoleProgress implements Progress {
    private static final int WIDTH = 30;
    private final PrintStream out;
    private final String title;
    private final long total;
    private final boolean terminal = System.console() != null;
    private final long startNanos = System.nanoTime();
    private int lastDecile = -1;
    private boolean closed;
    private long done;
    private String status = "";

    ConsoleProgress(PrintStream out, String title, long total) {
      this.out = out;
      this.title = title;
      this.total = Math.max(1, total);
    }

    @Override
    public synchronized void update(long done, String status) {
      this.done = Math.min(done, total);
      this.status = status == null ? "" : status;
      int decile = (int) (10 * this.done / total);
      if (terminal) {
        out.print("\r" + line());
        out.flush();
      } else if (decile != lastDecile) {
        lastDecile = decile;
        out.println(line());
      }
    }

    private String line() {
      int filled = (int) (WIDTH * done / total);
      double seconds = (System.nanoTime() - startNanos) / 1e9;
      return String.format("%s [%s%s] %d/%d %s (%.0f s)", title, "#".repeat(filled), ".".repeat(WIDTH - filled), done, total, status, seconds);
    }

    @Override
    public synchronized void close() {
      if (closed) return;
      closed = true;
      if (terminal) out.println();
      else if (lastDecile != 10) out.println(line());
    }
  }
}
