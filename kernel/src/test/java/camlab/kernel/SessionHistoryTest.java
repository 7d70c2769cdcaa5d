package camlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.spencerpark.jupyter.kernel.history.HistoryEntry;
import io.github.spencerpark.jupyter.kernel.history.HistoryManager.ResultFlag;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SessionHistoryTest {
  private final SessionHistory h = new SessionHistory();

  SessionHistoryTest() {
    h.record(1, "int a = 1;");
    h.record(2, "a + 1");
    h.recordOutput(2, "2");
    h.record(3, "int a = 1;");
    h.record(4, "System.out.println(a);");
  }

  private static List<String> inputs(List<HistoryEntry> entries) {
    return entries.stream().map(e -> e.getCellNumber() + ":" + e.getInput()).toList();
  }

  @Test
  void tailGivesTheLastCells() {
    assertEquals(List.of("3:int a = 1;", "4:System.out.println(a);"), inputs(h.lookupTail(2, Set.of())));
  }

  @Test
  void rangeCoversThisSessionOnly() {
    assertEquals(List.of("2:a + 1", "3:int a = 1;"), inputs(h.lookupRange(0, 2, 4, Set.of())));
    assertEquals(4, h.lookupRange(1, 1, 0, Set.of()).size(), "stop 0: to the end");
    assertEquals(List.of(), h.lookupRange(-1, 1, 5, Set.of()), "earlier sessions are not kept");
  }

  @Test
  void outputComesOnlyWhenAsked() {
    assertEquals("2", h.lookupRange(0, 2, 3, EnumSet.of(ResultFlag.INCLUDE_OUTPUT)).get(0).getOutput());
    assertEquals(false, h.lookupRange(0, 2, 3, Set.of()).get(0).hasOutput());
  }

  @Test
  void searchMatchesGlobsNewestLastAndCanDropDuplicates() {
    assertEquals(List.of("1:int a = 1;", "3:int a = 1;"), inputs(h.search("int*", 10, Set.of())));
    assertEquals(List.of("3:int a = 1;"), inputs(h.search("int*", 10, EnumSet.of(ResultFlag.UNIQUE))));
    assertEquals(List.of("4:System.out.println(a);"), inputs(h.search("*println(?)*", 1, Set.of())));
  }
}
