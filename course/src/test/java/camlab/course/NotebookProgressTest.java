package camlab.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import camlab.kernel.display.Renderers;
import camlab.kernel.runtime.Display;
import camlab.kernel.runtime.Frontend;
import camlab.util.Progress;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.Renderer;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NotebookProgressTest {
  private final List<String> drawn = new ArrayList<>();
  private final List<String> html = new ArrayList<>();
  private final List<Boolean> last = new ArrayList<>();
  private long now;

  private NotebookProgress bar(String label, long total) {
    return new NotebookProgress(label, total, (text, page, isLast) -> {
      drawn.add(text);
      html.add(page);
      last.add(isLast);
      assertTrue(page.startsWith("<div") && page.contains("<progress") && !page.contains("<script"), page);
    }, () -> now);
  }

  @Test
  void drawsOnStartThrottlesUpdatesAndAlwaysDrawsTheEnd() {
    NotebookProgress p = bar("epoch 1", 10);
    assertEquals(List.of("epoch 1 [------------------------] 0/10 (0%) · 0.0 s"), drawn);
    p.update(1, "");
    p.update(2, "");                  // same instant: no redraw
    assertEquals(1, drawn.size());
    now += 150_000_000L;              // 150 ms later
    p.update(3, "");
    assertEquals("epoch 1 [#######-----------------] 3/10 (30%) · 0.2 s · ETA 0.4 s", drawn.get(1));
    p.update(10, "loss 0.31");        // throttled (same instant): close draws it
    p.close();
    assertEquals("epoch 1 [########################] 10/10 (100%) · 0.2 s · loss 0.31", drawn.get(drawn.size() - 1));
    assertTrue(html.get(html.size() - 1).contains("<progress value=\"10\" max=\"10\""), html.get(html.size() - 1));
    assertEquals(true, last.get(last.size() - 1));
    int count = drawn.size();
    now += 1_000_000_000L;
    p.update(11, "late");
    p.close();
    assertEquals(count, drawn.size(), "a finished bar stays as it is");
  }

  @Test
  void closingEarlyShowsTheBarComplete() {
    NotebookProgress p = bar("eval", 4);
    p.close();
    assertEquals("eval [########################] 4/4 (100%) · 0.0 s", drawn.get(drawn.size() - 1));
  }

  @Test
  void anUnknownTotalCountsSteps() {
    NotebookProgress p = bar("", 0);
    now += 1_000_000_000L;
    p.update(5, null);
    assertEquals("5 done · 1.0 s", drawn.get(drawn.size() - 1));
    p.close();
    assertTrue(last.get(last.size() - 1));
  }

  @Test
  void labelsAreEscapedInTheHtml() {
    bar("a<b>&", 2);
    assertTrue(html.get(0).contains("a&lt;b&gt;&amp; <progress"), html.get(0));
  }

  @Test
  void libraryBarsDrawInTheNotebookWhileOneIsAttachedAndOnTheConsoleOtherwise() {
    NotebookProgress.install();
    NotebookProgress.install(); // idempotent: still one notebook bar per library bar
    List<DisplayData> shown = new ArrayList<>();
    List<DisplayData> updated = new ArrayList<>();
    Display.attach(new Frontend() {
      @Override public Renderer renderer() { return Renderers.standard(); }
      @Override public boolean isAttached() { return true; }
      @Override public void display(DisplayData data) { shown.add(data); }
      @Override public void updateDisplay(DisplayData data) { updated.add(data); }
    });
    try (Progress p = Progress.start("train", 2)) {
      p.update(1, "loss 1");
    } finally {
      Display.attach(null);
    }
    assertEquals(1, shown.size(), "one output");
    String id = shown.get(0).getDisplayId();
    assertTrue(updated.stream().allMatch(u -> id.equals(u.getDisplayId())), "every redraw replaces it");
    String end = updated.get(updated.size() - 1).getData(MIMEType.TEXT_PLAIN).toString();
    assertTrue(end.startsWith("train [########################] 2/2 (100%)") && end.endsWith("loss 1"), end);

    PrintStream old = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      Progress.start("offline", 1).close();
    } finally {
      System.setErr(old);
    }
    assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("offline ["), "without a notebook: the library's console bar");
  }
}
