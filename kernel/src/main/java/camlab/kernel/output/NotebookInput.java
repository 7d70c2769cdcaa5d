package camlab.kernel.output;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code System.in} of one cell: each read past the end of the last line asks the notebook for a new line (an input
 * box appears). Where the frontend does not take input (nbconvert, {@code allow_stdin=false}) reading ends at once,
 * after a note on stderr that says why.
 */
public final class NotebookInput extends InputStream {
  /** Asks the frontend for one line; null when the frontend takes no input. */
  public interface Asker {
    String askLine() throws InterruptedIOException;
  }

  private final Asker asker;
  private byte[] line = new byte[0];
  private int pos;
  private boolean warned;

  public NotebookInput(Asker asker) {
    this.asker = asker;
  }

  @Override
  public synchronized int read() throws IOException {
    if (!fill()) return -1;
    return line[pos++] & 0xFF;
  }

  @Override
  public synchronized int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) return 0;
    if (!fill()) return -1;
    int n = Math.min(len, line.length - pos);
    System.arraycopy(line, pos, b, off, n);
    pos += n;
    return n;
  }

  @Override
  public synchronized int available() {
    return line.length - pos;
  }

  private boolean fill() throws InterruptedIOException {
    if (pos < line.length) return true;
    if (asker == null) {
      if (!warned) {
        warned = true;
        System.err.println("System.in: this frontend does not take input here (the cell was run with allow_stdin=false,"
            + " e.g. by nbconvert), so reading gets the end of input.");
      }
      return false;
    }
    line = (asker.askLine() + "\n").getBytes(StandardCharsets.UTF_8);
    pos = 0;
    return true;
  }
}
