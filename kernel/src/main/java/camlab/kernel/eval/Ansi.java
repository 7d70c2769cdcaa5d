package camlab.kernel.eval;

/** The few terminal colours error tracebacks use (Jupyter renders ANSI escapes in tracebacks). */
public final class Ansi {
  private Ansi() {}

  public static String red(String s) {
    return "\u001b[1;31m" + s + "\u001b[0m";
  }

  public static String bold(String s) {
    return "\u001b[1m" + s + "\u001b[0m";
  }

  public static String dim(String s) {
    return "\u001b[2m" + s + "\u001b[0m";
  }

  /** {@code s} without ANSI escapes, for tests and plain-text logs. */
  public static String strip(String s) {
    return s.replaceAll("\u001b\\[[0-9;]*m", "");
  }
}
