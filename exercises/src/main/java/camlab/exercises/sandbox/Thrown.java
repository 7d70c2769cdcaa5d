package camlab.exercises.sandbox;

import java.io.IOException;

import camlab.exercises.cell.NotSolvedYet;

/**
 * What a cell's code threw, as the cell JVM reports it: enough to tell the student what happened and where.
 *
 * @param kind      what sort of failure it is
 * @param type      the exception's simple class name, e.g. {@code IllegalArgumentException}
 * @param message   its first line, clipped (may be empty)
 * @param cellLine  the innermost cell line in its stack trace, or 0
 */
public record Thrown(Kind kind, String type, String message, int cellLine) {
  private static final int MAX_MESSAGE = 600;

  /** The failures a grader treats differently from an ordinary exception. */
  public enum Kind {
    /** The stub: the exercise is not attempted yet. */
    NOT_SOLVED_YET,
    STACK_OVERFLOW,
    OUT_OF_MEMORY,
    EXCEPTION
  }

  public Thrown {
    message = message == null ? "" : message;
  }

  /** Describes {@code t}, mapping stack frames of {@code cellClass} back to cell lines. */
  public static Thrown of(Throwable t, String cellClass, int headerLines) {
    Kind kind = NotSolvedYet.findIn(t) != null ? Kind.NOT_SOLVED_YET
        : t instanceof StackOverflowError ? Kind.STACK_OVERFLOW
        : t instanceof OutOfMemoryError ? Kind.OUT_OF_MEMORY
        : Kind.EXCEPTION;
    return new Thrown(kind, t.getClass().getSimpleName(), firstLine(t.getMessage()), cellLineOf(t.getStackTrace(), cellClass, headerLines));
  }

  /** The innermost frame of the cell's classes in {@code stack}, as a cell line; 0 if none. */
  public static int cellLineOf(StackTraceElement[] stack, String cellClass, int headerLines) {
    if (cellClass == null) return 0;
    for (StackTraceElement frame : stack) {
      String c = frame.getClassName();
      if ((c.equals(cellClass) || c.startsWith(cellClass + "$")) && frame.getLineNumber() > headerLines) {
        return frame.getLineNumber() - headerLines;
      }
    }
    return 0;
  }

  private static String firstLine(String s) {
    if (s == null) return "";
    String line = s.strip();
    int nl = line.indexOf('\n');
    line = nl < 0 ? line : line.substring(0, nl).strip() + " …";
    return line.length() <= MAX_MESSAGE ? line : line.substring(0, MAX_MESSAGE) + " …";
  }

  public void write(Wire.PayloadWriter out) throws IOException {
    out.writeByte(kind.ordinal()).writeString(type).writeString(message).writeInt(cellLine);
  }

  public static Thrown read(Wire.Payload in) throws Wire.ProtocolException {
    int k = in.readByte();
    if (k >= Kind.values().length) throw new Wire.ProtocolException("unknown failure kind " + k);
    String type = clip(in.readString());
    String message = clip(in.readString());
    return new Thrown(Kind.values()[k], type, message, Math.max(0, in.readInt()));
  }

  private static String clip(String s) {
    return s.length() <= MAX_MESSAGE + 2 ? s : s.substring(0, MAX_MESSAGE) + " …";
  }
}
