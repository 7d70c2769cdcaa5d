package camlab.kernel.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.zeromq.ZMQ;

/**
 * One ROUTER socket (shell, control or stdin) used by one thread at a time: read a request, send its replies.
 * Reads wait at most {@link #POLL_MILLIS}, so a loop around them can notice that the kernel is stopping.
 */
public final class Channel {
  private static final Logger LOG = Logger.getLogger(Channel.class.getName());
  static final int POLL_MILLIS = 100;

  private final String name;
  private final ZMQ.Socket socket;
  private final WireFormat wire;

  Channel(String name, ZMQ.Socket socket, WireFormat wire) {
    this.name = name;
    this.socket = socket;
    this.wire = wire;
    socket.setReceiveTimeOut(POLL_MILLIS);
  }

  public String name() {
    return name;
  }

  /** The next message, waiting up to {@link #POLL_MILLIS}; null if none came (or one was malformed and dropped). */
  public JupyterMessage receive() {
    return decode(readFrames(0));
  }

  /** The next message if one is already waiting, else null: what a client queued before now. */
  public JupyterMessage receiveWaiting() {
    return decode(readFrames(ZMQ.DONTWAIT));
  }

  public void send(JupyterMessage m) {
    List<byte[]> frames = wire.encode(m);
    for (int i = 0; i < frames.size(); i++) {
      if (i < frames.size() - 1) {
        socket.sendMore(frames.get(i));
      } else {
        socket.send(frames.get(i), 0);
      }
    }
  }

  private List<byte[]> readFrames(int flags) {
    byte[] first = socket.recv(flags);
    if (first == null) return null;
    List<byte[]> frames = new ArrayList<>();
    frames.add(first);
    while (socket.hasReceiveMore()) frames.add(socket.recv(0));
    return frames;
  }

  private JupyterMessage decode(List<byte[]> frames) {
    if (frames == null) return null;
    try {
      return wire.decode(frames);
    } catch (WireFormat.BadMessage e) {
      LOG.warning("Dropped a message on the " + name + " channel: " + e.getMessage());
      return null;
    }
  }
}
