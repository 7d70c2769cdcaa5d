package camlab.kernel.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a JShell-translated stack trace into lines a student can follow: frames in cell code show the cell
 * line and its code, long runs of library frames and deep recursion are folded.
 */
final class StackFormatter {
  /** Library frames kept where an error is thrown inside a library before the user's code is reached. */
  private static final int LIBRARY_HEAD = 3;
  /** Library frames kept in full between two frames of user code. */
  private static final int LIBRARY_RUN = 4;
  /** Frames kept when no frame belongs to user code at all. */
  private static final int NO_USER_FRAMES = 8;

  record Formatted(List<String> lines, SnippetOrigins.Location firstUserLine) {}

  private record Frame(String text, boolean user, int repeats) {}

  private StackFormatter() {}

  static Formatted format(StackTraceElement[] frames, SnippetOrigins origins, int currentExecution) {
    List<Frame> mapped = new ArrayList<>();
    SnippetOrigins.Location first = null;
    for (StackTraceElement f : frames) {
      SnippetOrigins.Location loc = origins.locate(f);
      boolean snippetFrame = f.getFileName() != null && f.getFileName().startsWith("#");
      String text;
      if (loc != null) {
        if (first == null) first = loc;
        text = "at " + loc.describe(currentExecution) + inMethod(f) + ":" + (loc.code().isEmpty() ? "" : "   " + loc.code());
      } else if (snippetFrame) {
        text = "at line " + f.getLineNumber() + " of an earlier snippet" + inMethod(f);
      } else {
        text = "at " + f;
      }
      boolean user = loc != null || snippetFrame;
      Frame last = mapped.isEmpty() ? null : mapped.get(mapped.size() - 1);
      if (last != null && last.text.equals(text)) {
        mapped.set(mapped.size() - 1, new Frame(text, user, last.repeats + 1)); // recursion
      } else {
        mapped.add(new Frame(text, user, 1));
      }
    }
    return new Formatted(render(foldLibraryRuns(mapped)), first);
  }

  private static List<Frame> foldLibraryRuns(List<Frame> frames) {
    boolean anyUser = frames.stream().anyMatch(Frame::user);
    List<Frame> out = new ArrayList<>();
    int i = 0;
    while (i < frames.size()) {
      if (frames.get(i).user) {
        out.add(frames.get(i++));
        continue;
      }
      int end = i;
      while (end < frames.size() && !frames.get(end).user) end++;
      int run = end - i;
      int keepHead = !anyUser ? NO_USER_FRAMES : i == 0 ? LIBRARY_HEAD : 1;
      int keepTail = anyUser && i > 0 && end < frames.size() ? 1 : 0;
      if (run <= Math.max(LIBRARY_RUN, keepHead + keepTail + 1)) {
        out.addAll(frames.subList(i, end));
      } else {
        out.addAll(frames.subList(i, i + keepHead));
        int hidden = run - keepHead - keepTail;
        out.add(new Frame("... " + hidden + " more frame" + (hidden == 1 ? "" : "s") + " in library code", false, 1));
        out.addAll(frames.subList(end - keepTail, end));
      }
      i = end;
    }
    return out;
  }

  private static List<String> render(List<Frame> frames) {
    List<String> lines = new ArrayList<>();
    for (Frame f : frames) {
      String text = "    " + f.text + (f.repeats > 1 ? Ansi.dim("   (" + f.repeats + " times in a row)") : "");
      lines.add(f.user ? text : Ansi.dim(text));
    }
    return lines;
  }

  /** ", in divide()" / ", in Point.norm()" / ", in a lambda"; empty for the cell's top level. */
  static String inMethod(StackTraceElement f) {
    String cls = f.getClassName() == null ? "" : f.getClassName().replace('$', '.');
    String m = f.getMethodName() == null ? "" : f.getMethodName();
    if (m.isEmpty()) return "";
    if (m.startsWith("lambda$")) return ", in a lambda";
    if (cls.matches(".*(^|\\.)\\d+$")) return ", in an anonymous class";
    if (m.equals("<init>")) return ", in new " + cls + "(...)";
    if (m.equals("<clinit>")) return ", in the static initializer of " + cls;
    return ", in " + (cls.isEmpty() ? "" : cls + ".") + m + "()";
  }
}
