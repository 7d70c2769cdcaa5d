package camlab.kernel.eval;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers where each JShell snippet came from, so a stack frame "#12:3" (snippet 12, its line 3)
 * can be shown as "line 5 of cell [4]" with that line's code.
 */
final class SnippetOrigins {

  /** A snippet line mapped back to its source. */
  record Location(SourceOrigin origin, int line, String code) {
    String describe(int currentExecutionCount) {
      return "line " + line + " of " + origin.describe(currentExecutionCount);
    }
  }

  private record Entry(SourceOrigin origin, int firstLine, List<String> lines) {}

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();

  /**
   * @param firstLine 1-based line of the origin where the snippet starts
   * @param originLines the origin's full lines from {@code firstLine} on that the snippet spans
   */
  void record(String snippetId, SourceOrigin origin, int firstLine, List<String> originLines) {
    entries.put(snippetId, new Entry(origin, firstLine, List.copyOf(originLines)));
  }

  /** Maps line {@code line} (1-based) of snippet {@code snippetId} back; null if unknown. */
  Location locate(String snippetId, int line) {
    Entry e = entries.get(snippetId);
    if (e == null || line < 1) return null;
    int index = line - 1;
    String code = index < e.lines.size() ? e.lines.get(index).strip() : "";
    return new Location(e.origin, e.firstLine + index, code);
  }

  /** Maps a JShell frame (file name "#id", line within the snippet) back; null if unknown. */
  Location locate(StackTraceElement frame) {
    String file = frame.getFileName();
    if (file == null || !file.startsWith("#")) return null;
    Entry e = entries.get(file.substring(1));
    if (e == null || frame.getLineNumber() < 1) return null;
    int index = frame.getLineNumber() - 1;
    String code = index < e.lines.size() ? e.lines.get(index).strip() : "";
    return new Location(e.origin, e.firstLine + index, code);
  }
}
