package camlab.kernel.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import camlab.kernel.exec.LockWait;

import java.util.List;
import org.junit.jupiter.api.Test;

class FormattingTest {
  @Test
  void thePointerMarksTheRangeUnderTheCode() {
    List<String> lines = SourcePointer.point(12, "int c = undefinedThing + 1;", 8, 22);
    assertEquals("  12 | int c = undefinedThing + 1;", lines.get(0));
    assertEquals("     |         ^^^^^^^^^^^^^^", Ansi.strip(lines.get(1)));
  }

  @Test
  void thePointerKeepsTabsAndMarksAtLeastOneCharacter() {
    List<String> lines = SourcePointer.point(3, "\tfoo(;", 5, 5);
    assertEquals("    | \t    ^", Ansi.strip(lines.get(1)));
    assertEquals("    |    ^", Ansi.strip(SourcePointer.point(3, "abc", 3, 3).get(1)), "past the end: after the last character");
  }

  @Test
  void theLastCodeCharacterIgnoresCommentsAndLiterals() {
    assertEquals(';', JavaText.lastCodeChar("x = 1; // done"));
    assertEquals('1', JavaText.lastCodeChar("1 + 1 /* no ; here */"));
    assertEquals('"', JavaText.lastCodeChar("s = \"a;b\""));
    assertEquals(')', JavaText.lastCodeChar("f(';')"));
    assertEquals('"', JavaText.lastCodeChar("\"\"\"\n text; \n\"\"\""));
    assertEquals(0, JavaText.lastCodeChar("// only a comment"));
  }

  @Test
  void frameOwnersReadLikeCode() {
    assertEquals("", StackFormatter.inMethod(new StackTraceElement("", "", "#3", 1)));
    assertEquals(", in divide()", StackFormatter.inMethod(new StackTraceElement("", "divide", "#3", 1)));
    assertEquals(", in Point.norm()", StackFormatter.inMethod(new StackTraceElement("Point", "norm", "#3", 1)));
    assertEquals(", in new Point(...)", StackFormatter.inMethod(new StackTraceElement("Point", "<init>", "#3", 1)));
    assertEquals(", in a lambda", StackFormatter.inMethod(new StackTraceElement("", "lambda$do_it$$0", "#3", 1)));
    assertEquals(", in an anonymous class", StackFormatter.inMethod(new StackTraceElement("1", "run", "#3", 1)));
  }

  @Test
  void libraryFramesAreFoldedAroundUserFrames() {
    SnippetOrigins origins = new SnippetOrigins();
    origins.record("5", SourceOrigin.cell(2), 4, List.of("  return lib.call(x);"));
    StackTraceElement[] frames = new StackTraceElement[12];
    for (int i = 0; i < 10; i++) frames[i] = new StackTraceElement("ai.djl.Lib", "m" + i, "Lib.java", i + 1);
    frames[10] = new StackTraceElement("", "helper", "#5", 1);
    frames[11] = new StackTraceElement("", "", "#9", 2);
    StackFormatter.Formatted f = StackFormatter.format(frames, origins, 2);
    List<String> plain = f.lines().stream().map(Ansi::strip).toList();
    assertEquals(List.of(
        "    at ai.djl.Lib.m0(Lib.java:1)",
        "    at ai.djl.Lib.m1(Lib.java:2)",
        "    at ai.djl.Lib.m2(Lib.java:3)",
        "    ... 7 more frames in library code",
        "    at line 4 of this cell, in helper():   return lib.call(x);",
        "    at line 2 of an earlier snippet"), plain);
    assertEquals(4, f.firstUserLine().line());
  }

  @Test
  void aLockWaitNamesTheLockAndItsHolder() {
    assertEquals("It was waiting for a lock (java.lang.Object@1f) held by the thread \"worker\" (BLOCKED), which has not released it.",
        Failures.lockWait(new LockWait("java.lang.Object@1f", "worker", Thread.State.BLOCKED, false)));
    assertEquals("It was waiting for a lock (L@2) held by camlab-cell-1, the thread of an earlier cell that was stopped but is"
        + " still running (restart the kernel to end it).", Failures.lockWait(new LockWait("L@2", "camlab-cell-1", null, true)));
    assertEquals("It was waiting for a lock (L@3) that another thread holds.", Failures.lockWait(new LockWait("L@3", null, null, false)));
  }

  @Test
  void theHeapHintAsksForALargerHeapThatFitsTheMachine() {
    long gb = 1L << 30;
    assertEquals(12 * gb, HeapHint.largerHeap(6 * gb, 32 * gb), "twice the heap");
    assertEquals(2 * gb, HeapHint.largerHeap(192L << 20, 32 * gb), "at least one GB more, in whole GB");
    assertEquals(12 * gb, HeapHint.largerHeap(10 * gb, 16 * gb), "at most three quarters of the machine");
    assertEquals(0, HeapHint.largerHeap(12 * gb, 16 * gb), "nothing larger fits");
    assertEquals(12 * gb, HeapHint.largerHeap(6 * gb, 0), "machine size unknown: no cap");
    String hint = HeapHint.text(6 * gb, 32 * gb);
    assertTrue(hint.startsWith("Hint: the Java heap (6 GB) is full."), hint);
    assertTrue(hint.contains("install --jvm-opt -Xmx12g"), hint);
    assertTrue(HeapHint.text(12 * gb, 16 * gb).contains("would not fit: it already takes most of this machine's 16 GB"));
  }
}
