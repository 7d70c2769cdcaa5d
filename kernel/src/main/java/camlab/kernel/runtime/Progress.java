package camlab.kernel.runtime;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import java.io.PrintStream;
import java.util.Locale;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

/**
 * A progress bar that updates one output in place.
 *
 * <pre>{@code
 * Progress bar = progress("epoch 1", batches);
 * for (...) { ...; bar.step(); }
 * bar.note("loss 0.31").done();
 * }</pre>
 *
 * In a notebook it is one {@code text/html} output (a static {@code <progress>} element, no JavaScript) with
 * a {@code text/plain} twin, shown once and then replaced through its display id. Elsewhere it rewrites one
 * console line with {@code \r}. Redraws are throttled to one per 100 ms; {@link #done()} always draws.
 *
 * <p>Library code that must not depend on the kernel can take the JDK-typed {@link #factory()}: it starts a
 * bar and returns a {@link LongConsumer} that accepts the number of finished steps.
 */
public final class Progress implements LongConsumer, AutoCloseable {
  private static final long REDRAW_NANOS = 100_000_000L;
  private static final int BAR_WIDTH = 24;

  /** Where a bar draws itself. */
  interface Output {
    void draw(String text, String html, boolean last);
  }

  private final String label;
  private final long total;
  private final Output out;
  private final LongSupplier clock;
  private final long startedAt;
  private long done;
  private String note = "";
  private long drawnAt;
  private boolean finished;

  Progress(String label, long total, Output out, LongSupplier clock) {
    this.label = label == null ? "" : label;
    this.total = Math.max(0, total);
    this.out = out;
    this.clock = clock;
    this.startedAt = clock.getAsLong();
    draw(false);
  }

  /** Shows a new bar; {@code total <= 0} means "unknown" (the bar counts steps only). */
  public static Progress start(String label, long total) {
    Frontend f = Display.frontend();
    Output out = f != null && f.isAttached() ? new NotebookOutput(f) : new ConsoleOutput(System.out);
    return new Progress(label, total, out, System::nanoTime);
  }

  /**
   * A kernel-free hook for libraries: {@code factory().apply("training", 100L)} shows a bar and returns a
   * consumer of the finished-step count; accepting {@code total} finishes the bar.
   */
  public static BiFunction<String, Long, LongConsumer> factory() {
    return (label, total) -> start(label, total == null ? 0 : total);
  }

  /** One more step done. */
  public Progress step() {
    return step(1);
  }

  /** {@code n} more steps done. */
  public synchronized Progress step(long n) {
    return set(done + n);
  }

  /** {@code finished} steps done in all. */
  public synchronized Progress set(long finished) {
    done = Math.max(0, finished);
    if (total > 0 && done >= total) return done();
    maybeDraw();
    return this;
  }

  /** A short text after the numbers, e.g. the current loss. */
  public synchronized Progress note(String text) {
    note = text == null ? "" : text;
    maybeDraw();
    return this;
  }

  /** Marks the bar complete and draws it one last time; later calls change nothing. */
  public synchronized Progress done() {
    if (finished) return this;
    if (total > 0) done = Math.max(done, total);
    finished = true;
    draw(true);
    return this;
  }

  /** Same as {@link #set(long)}, so a bar can be handed to code that takes a {@link LongConsumer}. */
  @Override
  public void accept(long finishedSteps) {
    set(finishedSteps);
  }

  /** Same as {@link #done()}: use the bar in try-with-resources. */
  @Override
  public void close() {
    done();
  }

  public synchronized long finished() {
    return done;
  }

  private void maybeDraw() {
    if (!finished && clock.getAsLong() - drawnAt >= REDRAW_NANOS) draw(false);
  }

  private void draw(boolean last) {
    drawnAt = clock.getAsLong();
    out.draw(text(), html(), last);
  }

  String text() {
    StringBuilder s = new StringBuilder();
    if (!label.isEmpty()) s.append(label).append(' ');
    if (total > 0) {
      int filled = (int) (BAR_WIDTH * Math.min(1.0, (double) done / total));
      s.append('[').append("#".repeat(filled)).append("-".repeat(BAR_WIDTH - filled)).append("] ");
    }
    return s.append(numbers()).toString();
  }

  String html() {
    String bar = total > 0
        ? "<progress value=\"" + done + "\" max=\"" + total + "\" style=\"width:16em;vertical-align:middle\"></progress>"
        : "<progress style=\"width:16em;vertical-align:middle\"></progress>";
    return "<div style=\"font-family:monospace\">" + (label.isEmpty() ? "" : escape(label) + " ") + bar + " "
        + escape(numbers()) + "</div>";
  }

  private String numbers() {
    double elapsed = (clock.getAsLong() - startedAt) / 1e9;
    StringBuilder s = new StringBuilder();
    if (total > 0) {
      s.append(done).append('/').append(total).append(" (").append(done * 100 / total).append("%)");
    } else {
      s.append(done).append(" done");
    }
    s.append(" · ").append(seconds(elapsed));
    if (!finished && total > 0 && done > 0 && done < total) {
      s.append(" · ETA ").append(seconds(elapsed / done * (total - done)));
    }
    if (!note.isEmpty()) s.append(" · ").append(note);
    return s.toString();
  }

  private static String seconds(double s) {
    if (s < 60) return String.format(Locale.ROOT, "%.1f s", s);
    long whole = Math.round(s);
    return whole / 60 + " min " + whole % 60 + " s";
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /** One notebook output, replaced in place via its display id. */
  static final class NotebookOutput implements Output {
    private final Frontend frontend;
    private final String id = UUID.randomUUID().toString();
    private boolean shown;

    NotebookOutput(Frontend frontend) {
      this.frontend = frontend;
    }

    @Override
    public void draw(String text, String html, boolean last) {
      if (!frontend.isAttached()) return; // the cell ended; nothing to update any more
      DisplayData data = new DisplayData(text);
      data.putHTML(html);
      data.setDisplayId(id);
      if (shown) {
        frontend.updateDisplay(data);
      } else {
        System.out.flush();
        frontend.display(data);
        shown = true;
      }
    }
  }

  /** One console line, rewritten with a carriage return. */
  static final class ConsoleOutput implements Output {
    private final PrintStream out;

    ConsoleOutput(PrintStream out) {
      this.out = out;
    }

    @Override
    public void draw(String text, String html, boolean last) {
      out.print("\r" + text + (last ? System.lineSeparator() : ""));
      out.flush();
    }
  }
}
