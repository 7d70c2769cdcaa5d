package camlab.course;

import camlab.kernel.runtime.Display;
import camlab.util.Progress;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.LongSupplier;

/**
 * The library's progress bar ({@link Progress}: training, evaluation, {@code Progress.start} in a cell) drawn in a
 * notebook: one {@code text/html} output (a static {@code <progress>} element, no JavaScript) with a {@code text/plain}
 * twin, shown once and then replaced through its display id. Redraws at most every 100 ms; {@link #close()} always
 * draws. Outside a notebook the library's own console bar is used.
 */
public final class NotebookProgress implements Progress {
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
  private String status = "";
  private long drawnAt;
  private boolean finished;

  NotebookProgress(String label, long total, Output out, LongSupplier clock) {
    this.label = label == null ? "" : label;
    this.total = Math.max(0, total);
    this.out = out;
    this.clock = clock;
    this.startedAt = clock.getAsLong();
    draw(false);
  }

  private static boolean installed;

  /** From now on library bars started while the kernel serves a notebook draw there; elsewhere as before. Idempotent. */
  public static synchronized void install() {
    if (installed) return;
    installed = true;
    AtomicReference<BiFunction<String, Long, Progress>> before = new AtomicReference<>();
    before.set(Progress.useFactory((title, total) -> Display.inNotebook()
        ? new NotebookProgress(title, total == null ? 0 : total, new DisplayOutput(), System::nanoTime)
        : before.get().apply(title, total)));
  }

  @Override
  public synchronized void update(long finishedSteps, String newStatus) {
    done = Math.max(0, finishedSteps);
    status = newStatus == null ? "" : newStatus;
    if (!finished && clock.getAsLong() - drawnAt >= REDRAW_NANOS) draw(false);
  }

  /** Draws the bar one last time, complete; later calls change nothing. */
  @Override
  public synchronized void close() {
    if (finished) return;
    if (total > 0) done = Math.max(done, total);
    finished = true;
    draw(true);
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
        ? "<progress value=\"" + Math.min(done, total) + "\" max=\"" + total + "\" style=\"width:16em;vertical-align:middle\"></progress>"
        : "<progress style=\"width:16em;vertical-align:middle\"></progress>";
    return "<div style=\"font-family:monospace\">" + (label.isEmpty() ? "" : escape(label) + " ") + bar + " "
        + escape(numbers()) + "</div>";
  }

  private String numbers() {
    double elapsed = (clock.getAsLong() - startedAt) / 1e9;
    StringBuilder s = new StringBuilder();
    if (total > 0) {
      s.append(done).append('/').append(total).append(" (").append(Math.min(done, total) * 100 / total).append("%)");
    } else {
      s.append(done).append(" done");
    }
    s.append(" · ").append(seconds(elapsed));
    if (!finished && total > 0 && done > 0 && done < total) {
      s.append(" · ETA ").append(seconds(elapsed / done * (total - done)));
    }
    if (!status.isEmpty()) s.append(" · ").append(status);
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

  /** One notebook output, replaced in place through its display id. */
  static final class DisplayOutput implements Output {
    private final String id = UUID.randomUUID().toString();
    private boolean shown;

    @Override
    public void draw(String text, String html, boolean last) {
      if (!Display.inNotebook()) return; // the kernel is shutting down: nothing to update any more
      DisplayData data = new DisplayData(text);
      data.putHTML(html);
      data.setDisplayId(id);
      if (shown) {
        Display.updateDisplay(id, data);
      } else {
        Display.display(data);
        shown = true;
      }
    }
  }
}
