package camlab.kernel;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.spencerpark.jupyter.kernel.history.HistoryEntry;
import io.github.spencerpark.jupyter.kernel.history.HistoryManager.ResultFlag;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Answers history_request (tail, range or search) the way the Jupyter messaging protocol describes the reply. */
final class HistoryRequests {
  private HistoryRequests() {}

  /** The entries of the reply: {@code [session, line, input]}, or {@code [session, line, [input, output]]} with output=true. */
  static List<JsonArray> answer(SessionHistory history, JsonObject request) {
    Set<ResultFlag> flags = EnumSet.noneOf(ResultFlag.class);
    if (flag(request, "output", false)) flags.add(ResultFlag.INCLUDE_OUTPUT);
    if (!flag(request, "raw", true)) flags.add(ResultFlag.TRANSFORMED_INPUT);
    List<HistoryEntry> entries = switch (text(request, "hist_access_type", "tail")) {
      case "range" -> history.lookupRange(number(request, "session", 0), number(request, "start", 0), number(request, "stop", 0), flags);
      case "search" -> {
        if (flag(request, "unique", false)) flags.add(ResultFlag.UNIQUE);
        yield history.search(text(request, "pattern", "*"), number(request, "n", 0), flags);
      }
      default -> history.lookupTail(number(request, "n", 10), flags);
    };
    return entries.stream().map(HistoryRequests::entry).toList();
  }

  private static JsonArray entry(HistoryEntry e) {
    JsonArray a = new JsonArray();
    a.add(e.getSession());
    a.add(e.getCellNumber());
    if (e.hasOutput()) {
      JsonArray io = new JsonArray();
      io.add(e.getInput());
      io.add(e.getOutput());
      a.add(io);
    } else {
      a.add(e.getInput());
    }
    return a;
  }

  private static boolean flag(JsonObject o, String name, boolean fallback) {
    JsonElement e = o.get(name);
    return e == null || e.isJsonNull() ? fallback : e.getAsBoolean();
  }

  private static int number(JsonObject o, String name, int fallback) {
    JsonElement e = o.get(name);
    return e == null || e.isJsonNull() ? fallback : e.getAsInt();
  }

  private static String text(JsonObject o, String name, String fallback) {
    JsonElement e = o.get(name);
    return e == null || e.isJsonNull() ? fallback : e.getAsString();
  }
}
