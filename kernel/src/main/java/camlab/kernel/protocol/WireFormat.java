package camlab.kernel.protocol;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Messages as ZeroMQ frames: {@code [identities..., "<IDS|MSG>", signature, header, parent_header, metadata, content,
 * buffers...]}, the JSON parts UTF-8 encoded and signed together.
 */
public final class WireFormat {
  static final byte[] DELIMITER = "<IDS|MSG>".getBytes(StandardCharsets.US_ASCII);
  /** Keeps non-ASCII text as is and never turns integers into 1.0. */
  private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().serializeNulls().create();

  private final MessageSigner signer;

  public WireFormat(MessageSigner signer) {
    this.signer = signer;
  }

  public List<byte[]> encode(JupyterMessage m) {
    byte[] header = json(m.header());
    byte[] parent = json(m.parentHeader());
    byte[] metadata = json(m.metadata());
    byte[] content = json(m.content());
    List<byte[]> frames = new ArrayList<>(m.identities());
    frames.add(DELIMITER);
    frames.add(signer.sign(header, parent, metadata, content).getBytes(StandardCharsets.US_ASCII));
    frames.add(header);
    frames.add(parent);
    frames.add(metadata);
    frames.add(content);
    frames.addAll(m.buffers());
    return frames;
  }

  /** @throws BadMessage when the frames are not a message, the signature is wrong or a part is not a JSON object */
  public JupyterMessage decode(List<byte[]> frames) throws BadMessage {
    int delimiter = -1;
    for (int i = 0; i < frames.size(); i++) {
      if (Arrays.equals(DELIMITER, frames.get(i))) {
        delimiter = i;
        break;
      }
    }
    if (delimiter < 0 || frames.size() < delimiter + 6) throw new BadMessage("not a Jupyter message (" + frames.size() + " frames)");
    String signature = new String(frames.get(delimiter + 1), StandardCharsets.US_ASCII);
    byte[] header = frames.get(delimiter + 2);
    byte[] parent = frames.get(delimiter + 3);
    byte[] metadata = frames.get(delimiter + 4);
    byte[] content = frames.get(delimiter + 5);
    if (!signer.verify(signature, header, parent, metadata, content)) throw new BadMessage("wrong signature");
    return new JupyterMessage(List.copyOf(frames.subList(0, delimiter)), object(header, "header"), object(parent, "parent_header"),
        object(metadata, "metadata"), object(content, "content"), List.copyOf(frames.subList(delimiter + 6, frames.size())));
  }

  static byte[] json(JsonObject o) {
    return GSON.toJson(o).getBytes(StandardCharsets.UTF_8);
  }

  static Gson gson() {
    return GSON;
  }

  private static JsonObject object(byte[] raw, String part) throws BadMessage {
    try {
      return JsonParser.parseString(new String(raw, StandardCharsets.UTF_8)).getAsJsonObject();
    } catch (JsonParseException | IllegalStateException e) {
      throw new BadMessage("the " + part + " is not a JSON object");
    }
  }

  /** A message the kernel cannot accept; it is logged and dropped. */
  public static final class BadMessage extends Exception {
    private static final long serialVersionUID = 1L;

    BadMessage(String why) {
      super(why);
    }
  }
}
