package camlab.kernel.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** One stream of one cell: nothing lost below the limit, a precise account above it, other cells' lines marked. */
class StreamBufferTest {

  private static void print(StreamBuffer b, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    b.appendOwn(bytes, 0, bytes.length);
  }

  private static String lines(int from, int to) {
    return IntStream.range(from, to).mapToObj(i -> "line " + i + "\n").collect(Collectors.joining());
  }

  @Test
  void belowTheLimitEveryByteArrivesInOrderAcrossTakes() {
    StreamBuffer b = new StreamBuffer("stdout", 1_000_000);
    StringBuilder got = new StringBuilder();
    for (int i = 0; i < 20_000; i++) {
      print(b, "line " + i + "\n");
      if (i % 997 == 0) got.append(b.take());
    }
    got.append(b.finish());
    assertEquals(lines(0, 20_000), got.toString());
  }

  @Test
  void pastTheLimitItSaysHowManyLinesAndBytesWereCutAndShowsTheLastTen() {
    // 100 lines of "line NN\n": lines 0-9 are 7 bytes, 10-99 are 8 bytes; a limit of 70 bytes holds lines 0-9 exactly
    StreamBuffer b = new StreamBuffer("stdout", 70);
    for (int i = 0; i < 100; i++) print(b, "line " + i + "\n");
    String shown = b.finish();
    String notice = "… output past 70 bytes is not shown (the limit per cell and stream, CAMLAB_OUTPUT_LIMIT); how much was cut"
        + " and the last lines follow when the cell ends.\n";
    // cut: lines 10-99 = 90 lines of 8 bytes; shown at the end: 90-99; not shown: 80 lines, 640 bytes
    assertEquals(lines(0, 10) + notice + "… 80 lines (640 bytes) not shown; the last 10 lines:\n" + lines(90, 100), shown);
  }

  @Test
  void aLineThatDoesNotFitIsCutWholeAndACharacterIsNeverSplit() {
    StreamBuffer b = new StreamBuffer("stdout", 12);
    print(b, "aaaa\n");
    print(b, "bbbbbbbbbb\n"); // does not fit: cut whole, shown at the end
    String shown = b.finish();
    assertTrue(shown.startsWith("aaaa\n… output past"), shown);
    assertTrue(shown.endsWith("bbbbbbbbbb\n"), shown);

    StreamBuffer one = new StreamBuffer("stdout", 5);
    print(one, "ééé"); // 6 bytes, one huge line: what fits, on a character boundary
    assertTrue(one.take().startsWith("éé"));
  }

  @Test
  void takeKeepsAnUnfinishedCharacterForTheNextTake() {
    StreamBuffer b = new StreamBuffer("stdout", 1000);
    byte[] e = "é".getBytes(StandardCharsets.UTF_8);
    b.appendOwn(e, 0, 1);
    assertEquals("", b.take());
    b.appendOwn(e, 1, 1);
    assertEquals("é", b.take());
  }

  @Test
  void linesOfAnotherCellsThreadAreMarkedAndExplainedOnce() {
    StreamBuffer b = new StreamBuffer("stdout", 1000);
    print(b, "own ");
    byte[] late = "late 1\nlate 2\n".getBytes(StandardCharsets.UTF_8);
    b.appendForeign("[cell 3] ", "From cell 3:", late, 0, late.length);
    print(b, "own again\n");
    byte[] more = "late 3\n".getBytes(StandardCharsets.UTF_8);
    b.appendForeign("[cell 3] ", "From cell 3:", more, 0, more.length);
    assertEquals("own \nFrom cell 3:\n[cell 3] late 1\n[cell 3] late 2\nown again\n[cell 3] late 3\n", b.finish());
  }

  @Test
  void megabytesAreShortAndReadable() {
    assertEquals("2.0 MB", StreamBuffer.megabytes(2_000_000));
    assertEquals("48 MB", StreamBuffer.megabytes(47_900_000));
    assertEquals("50 KB", StreamBuffer.megabytes(50_000));
    assertEquals("640 bytes", StreamBuffer.megabytes(640));
  }
}
