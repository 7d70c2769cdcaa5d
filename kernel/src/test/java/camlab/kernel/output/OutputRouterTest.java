package camlab.kernel.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Which cell gets what a thread prints, and in which order output and displays leave. */
class OutputRouterTest {
  private final List<String> published = new ArrayList<>();
  private final OutputRouter router = new OutputRouter(new OutputRouter.Publisher() {
    @Override
    public void stream(JsonObject parent, String name, String text) {
      published.add(parent.get("msg_id").getAsString() + " " + name + ": " + text);
    }

    @Override
    public void display(JsonObject parent, DisplayData data, boolean update) {
      published.add(parent.get("msg_id").getAsString() + (update ? " update: " : " display: ") + data.getData(
          io.github.spencerpark.jupyter.kernel.display.mime.MIMEType.TEXT_PLAIN));
    }
  }, 1_000_000);
  private final PrintStream out = new PrintStream(router.stdout(), true, StandardCharsets.UTF_8);
  private final PrintStream systemOut = System.out;
  private final PrintStream systemErr = System.err;

  @AfterEach
  void restore() {
    System.setOut(systemOut);
    System.setErr(systemErr);
  }

  private static JsonObject request(String id) {
    JsonObject h = new JsonObject();
    h.addProperty("msg_id", id);
    return h;
  }

  /** Runs {@code body} on a new thread that belongs to {@code tag}'s cell (as a cell thread would), and waits. */
  private static Thread cellThread(OutputRouter.CellTag tag, Runnable body) throws InterruptedException {
    Thread t = new Thread(() -> {
      OutputRouter.cellThreadSetup(tag).run();
      body.run();
    });
    t.start();
    t.join();
    return t;
  }

  @Test
  void aThreadACellStartedPrintsIntoThatCellWhileItRunsAndIntoTheNextOneMarkedAfterwards() throws Exception {
    OutputRouter.CellTag first = router.beginCell(request("A"), 3);
    CountDownLatch ended = new CountDownLatch(1);
    CountDownLatch printedEarly = new CountDownLatch(1);
    CountDownLatch printedLate = new CountDownLatch(1);
    Thread[] worker = new Thread[1];
    cellThread(first, () -> {
      out.println("from the cell");
      worker[0] = new Thread(() -> { // started by the cell: inherits its cell
        out.println("while it runs");
        printedEarly.countDown();
        try {
          ended.await();
        } catch (InterruptedException e) {
          return;
        }
        out.println("after it ended");
        printedLate.countDown();
      });
      worker[0].start();
    });
    printedEarly.await();
    router.finishCell();
    ended.countDown();
    printedLate.await();
    worker[0].join();
    router.beginCell(request("B"), 4);
    out.println("printed by nobody's thread while B runs"); // this test thread: no cell, so the running cell's
    router.finishCell();
    assertEquals(List.of(
        "A stdout: from the cell\nwhile it runs\n",
        "B stdout: Lines marked [cell 3] come from a thread that cell [3] started, after that cell ended:\n"
            + "[cell 3] after it ended\nprinted by nobody's thread while B runs\n"), merged());
  }

  @Test
  void printsBeforeADisplayArePublishedBeforeIt() throws Exception {
    OutputRouter.CellTag tag = router.beginCell(request("C"), 1);
    cellThread(tag, () -> {
      out.print("first ");
      out.println("line");
      router.display(new DisplayData("a picture"));
      out.println("after");
    });
    router.finishCell();
    assertEquals(List.of("C stdout: first line\n", "C display: a picture", "C stdout: after\n"), published);
  }

  @Test
  void aDisplayFromABackgroundThreadWaitsForTheNextCell() throws Exception {
    router.display(new DisplayData("made between cells"));
    router.beginCell(request("D"), 2);
    router.finishCell();
    assertEquals(List.of("D display: made between cells"), published);
  }

  /** Consecutive stream messages of one cell and stream joined (the flush timing decides how text is split). */
  private List<String> merged() {
    List<String> out = new ArrayList<>();
    for (String p : published) {
      int colon = p.indexOf(": ");
      String key = p.substring(0, colon);
      if (!out.isEmpty() && out.get(out.size() - 1).startsWith(key + ": ")) {
        out.set(out.size() - 1, out.get(out.size() - 1) + p.substring(colon + 2));
      } else {
        out.add(p);
      }
    }
    return out;
  }
}
