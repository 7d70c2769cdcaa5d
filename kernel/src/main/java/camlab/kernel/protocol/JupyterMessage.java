package camlab.kernel.protocol;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.List;

/**
 * One message of the Jupyter messaging protocol (version 5): the routing identities, the four JSON dictionaries and
 * the binary buffers.
 */
public record JupyterMessage(List<byte[]> identities, JsonObject header, JsonObject parentHeader, JsonObject metadata,
                             JsonObject content, List<byte[]> buffers) {

  /** {@code header.msg_type}, e.g. {@code execute_request}. */
  public String type() {
    return text(header, "msg_type", "");
  }

  public String id() {
    return text(header, "msg_id", "");
  }

  /** A string field of the content, or {@code fallback} when it is missing or null. */
  public String contentText(String name, String fallback) {
    return text(content, name, fallback);
  }

  /** A boolean field of the content, or {@code fallback} when it is missing or null. */
  public boolean contentFlag(String name, boolean fallback) {
    JsonElement e = content.get(name);
    return e == null || e.isJsonNull() ? fallback : e.getAsBoolean();
  }

  /** An integer field of the content, or {@code fallback} when it is missing or null. */
  public int contentInt(String name, int fallback) {
    JsonElement e = content.get(name);
    return e == null || e.isJsonNull() ? fallback : e.getAsInt();
  }

  private static String text(JsonObject o, String name, String fallback) {
    JsonElement e = o.get(name);
    return e == null || e.isJsonNull() ? fallback : e.getAsString();
  }
}
