package camlab.kernel.output;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What one cell printed to one stream (stdout or stderr) and the kernel has not published yet, within the cell's
 * output limit.
 *
 * <p>Guarantees: every byte up to the limit is published, in order; past the limit nothing more is published while
 * the cell runs, a notice says so at once, and {@link #finish()} ends the text with the number of lines and
 * megabytes not shown, followed by the last lines. Lines that another cell's thread printed are marked
 * ({@code [cell 3] ...}) and explained once, so output that arrives late is never mistaken for this cell's.
 *
 * <p>Not thread-safe: the {@link OutputRouter} calls it under its lock.
 */
final class StreamBuffer {
  /** Lines shown from the end of the output past the limit. */
  static final int TAIL_LINES = 10;
  private static final int TAIL_BYTES = 8 * 1024;

  private final String stream;
  private final long limit;
  private final ByteArrayOutputStream unsent = new ByteArrayOutputStream();
  private long accepted;
  private boolean capped;
  private long droppedBytes;
  private long droppedNewlines;
  private byte lastDropped = '\n';
  private final byte[] tail = new byte[TAIL_BYTES];
  private long tailWritten;
  private boolean atLineStart = true;
  private String lastMarker;
  private final Set<String> explained = new HashSet<>();

  /** @param limit how many bytes of the cell's output this stream shows */
  StreamBuffer(String stream, long limit) {
    this.stream = stream;
    this.limit = limit;
  }

  /** Output of the cell itself (or of a thread the kernel cannot place, which is taken to be the cell's). */
  void appendOwn(byte[] b, int off, int len) {
    if (len <= 0) return;
    if (lastMarker != null && !atLineStart) newline();
    lastMarker = null;
    accept(b, off, len);
  }

  /**
   * Output of a thread started by another cell: each line gets {@code marker} in front, and the first such line
   * in this buffer is preceded by {@code explanation} (one line).
   */
  void appendForeign(String marker, String explanation, byte[] b, int off, int len) {
    if (len <= 0) return;
    if (!marker.equals(lastMarker) && !atLineStart) newline();
    if (explained.add(marker)) acceptText(explanation + "\n");
    lastMarker = marker;
    byte[] prefix = marker.getBytes(StandardCharsets.UTF_8);
    int i = off;
    int end = off + len;
    while (i < end) {
      if (atLineStart) accept(prefix, 0, prefix.length);
      int stop = i;
      while (stop < end && b[stop] != '\n') stop++;
      if (stop < end) stop++; // include the line end
      accept(b, i, stop - i);
      i = stop;
    }
  }

  /** Text printed while no cell ran, already marked and within its own limit: shown as is, outside this limit. */
  void appendCarried(byte[] text) {
    if (text.length == 0) return;
    unsent.write(text, 0, text.length);
    atLineStart = text[text.length - 1] == '\n';
    lastMarker = ""; // the cell's own output starts on a line of its own
  }

  /** Text ready to publish: everything since the last call, up to the last complete UTF-8 character. */
  String take() {
    byte[] bytes = unsent.toByteArray();
    int end = completeUtf8(bytes);
    unsent.reset();
    unsent.write(bytes, end, bytes.length - end);
    return new String(bytes, 0, end, StandardCharsets.UTF_8);
  }

  /** The rest of the text, and when output was cut: how much was not shown and the last lines. */
  String finish() {
    String rest = take() + new String(unsent.toByteArray(), StandardCharsets.UTF_8);
    unsent.reset();
    if (!capped || droppedBytes == 0) return rest;
    List<String> last = lastLines();
    long tailBytes = last.stream().mapToLong(l -> l.getBytes(StandardCharsets.UTF_8).length).sum();
    long lines = droppedNewlines + (lastDropped == '\n' ? 0 : 1);
    long hiddenLines = Math.max(0, lines - last.size());
    long hiddenBytes = Math.max(0, droppedBytes - tailBytes);
    StringBuilder sb = new StringBuilder(rest);
    if (sb.length() > 0 && sb.charAt(sb.length() - 1) != '\n') sb.append('\n');
    if (hiddenLines > 0) {
      sb.append(String.format(Locale.ROOT, "… %,d line%s (%s) not shown", hiddenLines, hiddenLines == 1 ? "" : "s", megabytes(hiddenBytes)));
      sb.append(last.isEmpty() ? ".\n" : "; the last " + (last.size() == 1 ? "line" : last.size() + " lines") + ":\n");
    }
    for (String line : last) sb.append(line);
    return sb.toString();
  }

  boolean isEmpty() {
    return unsent.size() == 0;
  }

  private void newline() {
    accept(new byte[] {'\n'}, 0, 1);
  }

  private void acceptText(String text) {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    accept(b, 0, b.length);
  }

  private void accept(byte[] b, int off, int len) {
    if (len <= 0) return;
    if (capped) {
      drop(b, off, len);
      return;
    }
    long room = limit - accepted;
    if (len <= room) {
      write(b, off, len);
      return;
    }
    int fit = fitting(b, off, (int) room);
    write(b, off, fit);
    capped = true;
    String notice = (atLineStart ? "" : "\n") + "… output past " + megabytes(limit) + " is not shown (the limit per cell and"
        + " stream, CAMLAB_OUTPUT_LIMIT); how much was cut and the last lines follow when the cell ends.\n";
    byte[] n = notice.getBytes(StandardCharsets.UTF_8);
    unsent.write(n, 0, n.length);
    atLineStart = true;
    drop(b, off + fit, len - fit);
  }

  private void write(byte[] b, int off, int len) {
    if (len <= 0) return;
    unsent.write(b, off, len);
    accepted += len;
    atLineStart = b[off + len - 1] == '\n';
  }

  private void drop(byte[] b, int off, int len) {
    for (int i = off; i < off + len; i++) {
      if (b[i] == '\n') droppedNewlines++;
      tail[(int) (tailWritten++ % TAIL_BYTES)] = b[i];
    }
    droppedBytes += len;
    lastDropped = b[off + len - 1];
    atLineStart = lastDropped == '\n';
  }

  /** Up to {@link #TAIL_LINES} complete lines from the end of what was dropped (the last one may lack its '\n'). */
  private List<String> lastLines() {
    int n = (int) Math.min(tailWritten, TAIL_BYTES);
    byte[] bytes = new byte[n];
    for (int i = 0; i < n; i++) bytes[i] = tail[(int) ((tailWritten - n + i) % TAIL_BYTES)];
    List<String> lines = new ArrayList<>();
    int end = n;
    int i = n - 1;
    if (i >= 0 && bytes[i] == '\n') i--;
    for (; i >= -1 && lines.size() < TAIL_LINES; i--) {
      if (i == -1 || bytes[i] == '\n') {
        if (i == -1 && tailWritten > TAIL_BYTES) break; // the oldest line is cut off by the ring
        String line = new String(bytes, i + 1, end - i - 1, StandardCharsets.UTF_8);
        lines.add(0, line.endsWith("\n") ? line : line + "\n");
        end = i + 1;
      }
    }
    return lines;
  }

  /**
   * How much of a write that does not fit in {@code room} is shown: up to its last line end that fits; nothing when no
   * line end fits (the line is cut whole), unless nothing at all was shown yet (one huge line), then what fits.
   */
  private int fitting(byte[] b, int off, int room) {
    for (int i = off + room - 1; i >= off; i--) {
      if (b[i] == '\n') return i - off + 1;
    }
    if (accepted > 0) return 0;
    int fit = room;
    while (fit > 0 && (b[off + fit] & 0xC0) == 0x80) fit--; // do not split a character
    return fit;
  }

  /** The length of the longest prefix that does not end inside a UTF-8 character. */
  static int completeUtf8(byte[] b) {
    int n = b.length;
    int i = n - 1;
    int continuation = 0;
    while (i >= 0 && (b[i] & 0xC0) == 0x80 && continuation < 3) {
      i--;
      continuation++;
    }
    if (i < 0) return n;
    int lead = b[i] & 0xFF;
    int needed = lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : lead >= 0xC0 ? 1 : 0;
    return continuation >= needed ? n : i;
  }

  /** "640 bytes", "50 KB", "2.0 MB", "48 MB". */
  static String megabytes(long bytes) {
    if (bytes < 1000) return bytes + " bytes";
    if (bytes < 1_000_000) return String.format(Locale.ROOT, "%.0f KB", bytes / 1e3);
    double mb = bytes / 1e6;
    return String.format(Locale.ROOT, mb >= 10 ? "%.0f MB" : "%.1f MB", mb);
  }

  @Override
  public String toString() {
    return stream + " (" + accepted + " bytes shown" + (capped ? ", " + droppedBytes + " cut" : "") + ")";
  }
}
