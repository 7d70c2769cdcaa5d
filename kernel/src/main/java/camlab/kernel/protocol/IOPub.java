package camlab.kernel.protocol;

import com.google.gson.JsonObject;
import java.util.List;
import org.zeromq.ZMQ;

/**
 * The IOPub (PUB) socket: outputs, status and the like for every frontend. Any thread may publish; one lock keeps
 * messages whole and in the order they were published.
 */
public final class IOPub {
  private final ZMQ.Socket socket;
  private final WireFormat wire;
  private final MessageFactory messages;

  IOPub(ZMQ.Socket socket, WireFormat wire, MessageFactory messages) {
    this.socket = socket;
    this.wire = wire;
    this.messages = messages;
  }

  /** Publishes a message of {@code type}; {@code parent} is the header of the request it belongs to (or null). */
  public void publish(String type, JsonObject content, JsonObject parent) {
    List<byte[]> frames = wire.encode(messages.broadcast(type, content, parent));
    synchronized (this) {
      for (int i = 0; i < frames.size(); i++) {
        if (i < frames.size() - 1) {
          socket.sendMore(frames.get(i));
        } else {
          socket.send(frames.get(i), 0);
        }
      }
    }
  }

  /** {@code status} with {@code execution_state} busy, idle or starting. */
  public void status(String state, JsonObject parent) {
    JsonObject content = new JsonObject();
    content.addProperty("execution_state", state);
    publish("status", content, parent);
  }
}
