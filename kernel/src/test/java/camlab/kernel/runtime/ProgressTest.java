package camlab.kernel.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import org.junit.jupiter.api.Test;

class ProgressTest {
  private final List<String> drawn = new ArrayList<>();
  private final List<Boolean> last = new ArrayList<>();
  private long now;

  private Progress bar(String label, long total) {
    return new Progress(label, total, (text, html, isLast) -> {
      drawn.add(text);
      last.add(isLast);
      assertTrue(html.startsWith("<div") && html.contains("<progress") && !html.contains("<script"), html);
    }, () -> now);
  }

  @Test
  void drawsOnStartThrottlesUpdatesAndAlwaysDrawsTheEnd() {
    Progress p = bar("epoch 1", 10);
    assertEquals(List.of("epoch 1 [------------------------] 0/10 (0%) · 0.0 s"), drawn);
    p.step().step();                  // same instant: no redraw
    assertEquals(1, drawn.size());
    now += 150_000_000L;              // 150 ms later
    p.step();
    assertEquals("epoch 1 [#######-----------------] 3/10 (30%) · 0.2 s · ETA 0.4 s", drawn.get(1));
    p.note("loss 0.31").set(10);      // reaching the total finishes the bar
    assertEquals("epoch 1 [########################] 10/10 (100%) · 0.2 s · loss 0.31", drawn.get(drawn.size() - 1));
    assertEquals(true, last.get(last.size() - 1));
    int count = drawn.size();
    p.step();
    p.done();
    assertEquals(count, drawn.size(), "a finished bar stays as it is");
  }

  @Test
  void anUnknownTotalCountsSteps() {
    Progress p = bar("", 0);
    now += 1_000_000_000L;
    p.step(5);
    assertEquals("5 done · 1.0 s", drawn.get(drawn.size() - 1));
    p.close();
    assertTrue(last.get(last.size() - 1));
  }

  @Test
  void outsideANotebookItRewritesOneConsoleLine() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Progress.Output console = new Progress.ConsoleOutput(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    Progress p = new Progress("load", 2, console, () -> 0L);
    p.set(2);
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(out.startsWith("\rload [------------------------] 0/2 (0%)"), out);
    assertTrue(out.contains("\rload [########################] 2/2 (100%)"), out);
    assertTrue(out.endsWith(System.lineSeparator()));
  }

  @Test
  void theLibraryHookNeedsOnlyJdkTypes() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream old = System.out;
    System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    try {
      LongConsumer steps = Progress.factory().apply("train", 3L);
      steps.accept(3);
    } finally {
      System.setOut(old);
    }
    assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("train [########################] 3/3 (100%)"));
    assertFalse(Display.inNotebook());
  }
}
