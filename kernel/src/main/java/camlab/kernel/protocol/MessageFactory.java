package camlab.kernel.protocol;

import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/** Builds the kernel's messages: headers with this kernel's session id, replies to a request, IOPub broadcasts. */
public final class MessageFactory {
  public static final String PROTOCOL_VERSION = "5.3";

  private final String session = UUID.randomUUID().toString();

  public JsonObject header(String type) {
    JsonObject h = new JsonObject();
    h.addProperty("msg_id", UUID.randomUUID().toString());
    h.addProperty("session", session);
    h.addProperty("username", "kernel");
    h.addProperty("date", Timestamps.now());
    h.addProperty("msg_type", type);
    h.addProperty("version", PROTOCOL_VERSION);
    return h;
  }

  /** The reply to {@code request} on the socket it came from: same identities, the request's header as parent. */
  public JupyterMessage reply(JupyterMessage request, String type, JsonObject content, JsonObject metadata) {
    return new JupyterMessage(request.identities(), header(type), request.header(), metadata, content, List.of());
  }

  /** An IOPub message; {@code parent} is the header of the request it belongs to, or an empty object. */
  public JupyterMessage broadcast(String type, JsonObject content, JsonObject parent) {
    byte[] topic = ("kernel." + session + "." + type).getBytes(StandardCharsets.UTF_8);
    return new JupyterMessage(List.of(topic), header(type), parent == null ? new JsonObject() : parent, new JsonObject(),
        content, List.of());
  }

  /** A stdin request (input_request) to the frontend that sent {@code request}. */
  public JupyterMessage toFrontend(JupyterMessage request, String type, JsonObject content) {
    return new JupyterMessage(request.identities(), header(type), request.header(), new JsonObject(), content, List.of());
  }
}
