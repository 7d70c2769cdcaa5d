package camlab.kernel.protocol;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * The connection file Jupyter starts a kernel with: where to bind the five sockets and how to sign messages.
 *
 * @param signatureScheme e.g. {@code hmac-sha256}; with an empty {@code key} messages are not signed
 */
public record ConnectionFile(String transport, String ip, int shellPort, int iopubPort, int stdinPort, int controlPort,
                             int hbPort, String key, String signatureScheme) {

  /** @throws IllegalArgumentException saying which field is missing or wrong */
  public static ConnectionFile parse(String json) {
    JsonObject o;
    try {
      o = JsonParser.parseString(json).getAsJsonObject();
    } catch (JsonParseException | IllegalStateException e) {
      throw new IllegalArgumentException("the connection file is not a JSON object: " + e.getMessage(), e);
    }
    String transport = text(o, "transport", "tcp");
    if (!transport.equals("tcp")) {
      throw new IllegalArgumentException("the connection file asks for transport \"" + transport + "\"; this kernel speaks tcp only");
    }
    return new ConnectionFile(transport, text(o, "ip", "127.0.0.1"), port(o, "shell_port"), port(o, "iopub_port"),
        port(o, "stdin_port"), port(o, "control_port"), port(o, "hb_port"), text(o, "key", ""),
        text(o, "signature_scheme", "hmac-sha256"));
  }

  /** The ZeroMQ endpoint of one port, e.g. {@code tcp://127.0.0.1:52301}. */
  public String endpoint(int port) {
    return transport + "://" + ip + ":" + port;
  }

  private static String text(JsonObject o, String name, String fallback) {
    return o.has(name) && !o.get(name).isJsonNull() ? o.get(name).getAsString() : fallback;
  }

  private static int port(JsonObject o, String name) {
    if (!o.has(name)) throw new IllegalArgumentException("the connection file has no \"" + name + "\"");
    try {
      return o.get(name).getAsInt();
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("\"" + name + "\" in the connection file is not a port number: " + o.get(name), e);
    }
  }
}
