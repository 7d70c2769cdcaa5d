package camlab.kernel;

import io.github.spencerpark.jupyter.kernel.history.HistoryEntry;
import io.github.spencerpark.jupyter.kernel.history.HistoryManager;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The cells run since the kernel started, for history_request (console frontends use it for the up-arrow
 * history). Kept in memory only: a restarted kernel starts a new, empty session, numbered 1.
 */
final class SessionHistory implements HistoryManager {
  static final int SESSION = 1;

  private final List<HistoryEntry> entries = new ArrayList<>();

  synchronized void record(int executionCount, String code) {
    entries.add(new HistoryEntry(SESSION, executionCount, code));
  }

  /** Attaches the text form of a cell's result, for requests with output=true. */
  synchronized void recordOutput(int executionCount, String output) {
    for (int i = entries.size() - 1; i >= 0; i--) {
      HistoryEntry e = entries.get(i);
      if (e.getCellNumber() == executionCount) {
        entries.set(i, new HistoryEntry(SESSION, executionCount, e.getInput(), output));
        return;
      }
    }
  }

  @Override
  public synchronized List<HistoryEntry> lookupRange(int session, int start, int stop, Set<ResultFlag> flags) {
    // 0 and 1 name the current kernel session; negative numbers count back to earlier ones, which are not kept
    if (session != 0 && session != SESSION) return List.of();
    List<HistoryEntry> out = new ArrayList<>();
    for (HistoryEntry e : entries) {
      if (e.getCellNumber() >= start && (stop <= 0 || e.getCellNumber() < stop)) out.add(shaped(e, flags));
    }
    return out;
  }

  @Override
  public synchronized List<HistoryEntry> lookupTail(int length, Set<ResultFlag> flags) {
    int from = Math.max(0, entries.size() - Math.max(0, length));
    return entries.subList(from, entries.size()).stream().map(e -> shaped(e, flags)).toList();
  }

  @Override
  public synchronized List<HistoryEntry> search(String glob, int length, Set<ResultFlag> flags) {
    Pattern pattern = globPattern(glob == null || glob.isEmpty() ? "*" : glob);
    List<HistoryEntry> matches = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (int i = entries.size() - 1; i >= 0 && (length <= 0 || matches.size() < length); i--) {
      HistoryEntry e = entries.get(i);
      if (!pattern.matcher(e.getInput()).matches()) continue;
      if (flags.contains(ResultFlag.UNIQUE) && !seen.add(e.getInput())) continue;
      matches.add(0, shaped(e, flags));
    }
    return matches;
  }

  private static HistoryEntry shaped(HistoryEntry e, Set<ResultFlag> flags) {
    boolean withOutput = flags.contains(ResultFlag.INCLUDE_OUTPUT) && e.hasOutput();
    return withOutput ? e : new HistoryEntry(e.getSession(), e.getCellNumber(), e.getInput());
  }

  /** IPython's history glob: '*' any text, '?' one character; everything else literal. */
  static Pattern globPattern(String glob) {
    StringBuilder regex = new StringBuilder();
    for (char c : glob.toCharArray()) {
      if (c == '*') {
        regex.append(".*");
      } else if (c == '?') {
        regex.append('.');
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }
}
