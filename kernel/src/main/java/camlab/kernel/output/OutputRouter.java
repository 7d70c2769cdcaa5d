package camlab.kernel.output;

import com.google.gson.JsonObject;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Takes everything printed to {@code System.out} and {@code System.err} while the kernel serves a notebook and
 * publishes it as stream messages of the right cell: buffered, sent every {@link #FLUSH_MILLIS} ms and when the
 * cell ends (not one message per line), within a limit per cell and stream ({@link StreamBuffer}).
 *
 * <p>Where output goes: the running cell gets what its own thread prints, what threads it started print, and what
 * any thread the kernel cannot place prints (a shared pool's worker, say). A thread that an earlier cell started is
 * remembered with that cell ({@link #cellThreadSetup}); its lines go to the running cell marked {@code [cell 3]},
 * or, when no cell runs, wait for the next cell and appear first in its output. Nothing is dropped silently.
 */
public final class OutputRouter {
  /** How often buffered output is published while a cell runs. */
  static final long FLUSH_MILLIS = 50;
  /** Displays kept for the next cell while no cell runs; more are counted and reported. */
  private static final int PENDING_DISPLAYS = 50;

  /** Where the router's output goes: the IOPub socket, for the request that started the cell. */
  public interface Publisher {
    void stream(JsonObject parent, String name, String text);

    void display(JsonObject parent, DisplayData data, boolean update);
  }

  /** The cell a thread belongs to: set on the cell thread, inherited by every thread it starts. */
  private static final InheritableThreadLocal<CellTag> ORIGIN = new InheritableThreadLocal<>();

  /** One run of one cell; {@code count} is its execution count, [3] in the notebook. */
  public record CellTag(long serial, int count) {}

  private final Publisher publisher;
  private final long limit;
  private final Object lock = new Object();
  /** Held while output is taken and published, so messages leave in the order the code produced them. */
  private final Object publishLock = new Object();
  private final OutputStream out = new Routed("stdout");
  private final OutputStream err = new Routed("stderr");
  private long serial;
  private Cell current;
  private Cell waiting;
  private final List<DisplayData> waitingDisplays = new ArrayList<>();
  private int droppedDisplays;
  private JsonObject lastParent = new JsonObject();
  private ScheduledExecutorService flusher;

  /** @param limit bytes of output shown per cell and stream */
  public OutputRouter(Publisher publisher, long limit) {
    this.publisher = publisher;
    this.limit = limit;
    this.waiting = new Cell(null, null, limit);
  }

  /** Starts publishing buffered output every {@link #FLUSH_MILLIS} ms. */
  public void start() {
    flusher = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "camlab-output-flusher");
      t.setDaemon(true);
      return t;
    });
    flusher.scheduleWithFixedDelay(this::flush, FLUSH_MILLIS, FLUSH_MILLIS, TimeUnit.MILLISECONDS);
  }

  /**
   * Starts routing output to a new cell and points {@code System.out}/{@code System.err} at fresh PrintStreams (a
   * thread the kernel could not stop that holds the old ones' lock, e.g. in {@code synchronized (System.out)}, then
   * blocks nothing that comes after). Output that waited for a cell is published first.
   */
  public CellTag beginCell(JsonObject parent, int count) {
    CellTag tag;
    List<DisplayData> displays;
    synchronized (publishLock) {
      synchronized (lock) {
        tag = new CellTag(++serial, count);
        Cell cell = new Cell(tag, parent, limit);
        cell.carryOver(waiting);
        current = cell;
        waiting = new Cell(null, null, limit);
        displays = new ArrayList<>(waitingDisplays);
        waitingDisplays.clear();
        if (droppedDisplays > 0) {
          cell.err.appendCarried(utf8("… " + droppedDisplays + " more displays from background threads were not kept.\n"));
          droppedDisplays = 0;
        }
      }
      publishTaken();
      for (DisplayData d : displays) publisher.display(parent, d, false);
    }
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    return tag;
  }

  /** What a cell thread runs before the cell's code: its threads are the cell's from now on. */
  public static Runnable cellThreadSetup(CellTag tag) {
    return () -> ORIGIN.set(tag);
  }

  /** Publishes the cell's remaining output (with the notice of what was cut) and stops routing output to it. */
  public void finishCell() {
    synchronized (publishLock) {
      JsonObject parent;
      String outText;
      String errText;
      synchronized (lock) {
        if (current == null) return;
        parent = current.parent;
        outText = current.out.finish();
        errText = current.err.finish();
        lastParent = parent;
        current = null;
      }
      if (!outText.isEmpty()) publisher.stream(parent, "stdout", outText);
      if (!errText.isEmpty()) publisher.stream(parent, "stderr", errText);
    }
  }

  /** Publishes what the running cell printed so far. */
  public void flush() {
    synchronized (publishLock) {
      publishTaken();
    }
  }

  /** Shows {@code data} below the running cell, after everything printed before it; kept for the next cell if none runs. */
  public void display(DisplayData data) {
    synchronized (publishLock) {
      publishTaken();
      JsonObject parent;
      synchronized (lock) {
        if (current == null) {
          if (waitingDisplays.size() < PENDING_DISPLAYS) {
            waitingDisplays.add(data);
          } else {
            droppedDisplays++;
          }
          return;
        }
        parent = current.parent;
      }
      publisher.display(parent, data, false);
    }
  }

  /** Replaces a shown output (by its display id); frontends find it wherever it is, so it is sent at once. */
  public void updateDisplay(DisplayData data) {
    synchronized (publishLock) {
      publishTaken();
      JsonObject parent;
      synchronized (lock) {
        parent = current != null ? current.parent : lastParent;
      }
      publisher.display(parent, data, true);
    }
  }

  /** Output still waiting for a cell (for the server log when the kernel stops), or "". */
  public String waitingOutput() {
    synchronized (lock) {
      String text = waiting.out.finish() + waiting.err.finish();
      return waitingDisplays.isEmpty() ? text : text + "(and " + waitingDisplays.size() + " displays)\n";
    }
  }

  public OutputStream stdout() {
    return out;
  }

  public OutputStream stderr() {
    return err;
  }

  /** Takes the running cell's buffered text and publishes it; call with {@link #publishLock} held. */
  private void publishTaken() {
    JsonObject parent;
    String outText;
    String errText;
    synchronized (lock) {
      if (current == null) return;
      parent = current.parent;
      outText = current.out.take();
      errText = current.err.take();
    }
    if (!outText.isEmpty()) publisher.stream(parent, "stdout", outText);
    if (!errText.isEmpty()) publisher.stream(parent, "stderr", errText);
  }

  private void write(String stream, byte[] b, int off, int len) {
    CellTag origin = ORIGIN.get();
    synchronized (lock) {
      Cell target = current != null ? current : waiting;
      StreamBuffer buffer = stream.equals("stdout") ? target.out : target.err;
      if (current != null && (origin == null || origin.equals(current.tag))) {
        buffer.appendOwn(b, off, len);
      } else {
        buffer.appendForeign(marker(origin), explanation(origin), b, off, len);
      }
    }
  }

  static String marker(CellTag origin) {
    return origin == null ? "[background] " : "[cell " + origin.count() + "] ";
  }

  static String explanation(CellTag origin) {
    return origin == null
        ? "Lines marked [background] were printed by a background thread while no cell was running:"
        : "Lines marked [cell " + origin.count() + "] come from a thread that cell [" + origin.count() + "] started, after that cell ended:";
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** The buffers of one cell run (or of the time between cells, with a null tag). */
  private static final class Cell {
    final CellTag tag;
    final JsonObject parent;
    final StreamBuffer out;
    final StreamBuffer err;

    Cell(CellTag tag, JsonObject parent, long limit) {
      this.tag = tag;
      this.parent = parent;
      this.out = new StreamBuffer("stdout", limit);
      this.err = new StreamBuffer("stderr", limit);
    }

    /** Starts with what was printed while no cell ran (already marked and within its own limit). */
    void carryOver(Cell between) {
      byte[] o = utf8(between.out.finish());
      byte[] e = utf8(between.err.finish());
      out.appendCarried(o);
      err.appendCarried(e);
    }
  }

  /** System.out / System.err while the kernel serves a notebook; flush() publishes nothing (the router decides when). */
  private final class Routed extends OutputStream {
    private final String stream;

    Routed(String stream) {
      this.stream = Objects.requireNonNull(stream);
    }

    @Override
    public void write(int b) {
      OutputRouter.this.write(stream, new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      OutputRouter.this.write(stream, b, off, len);
    }
  }
}
