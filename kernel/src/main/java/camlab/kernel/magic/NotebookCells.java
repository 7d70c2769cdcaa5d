package camlab.kernel.magic;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The code cells of a Jupyter notebook file (nbformat 4), in order, with {@code \r\n} line ends made {@code \n}. */
final class NotebookCells {
  private NotebookCells() {}

  static List<String> codeCells(Path notebook) throws IOException, MagicError {
    String name = notebook.getFileName().toString();
    JsonElement root = parse(Files.readString(notebook), name);
    if (!root.isJsonObject() || !root.getAsJsonObject().has("cells") || !root.getAsJsonObject().get("cells").isJsonArray()) {
      throw new MagicError("%load: " + name + " is not a Jupyter notebook (no \"cells\" array).");
    }
    List<String> code = new ArrayList<>();
    for (JsonElement cell : root.getAsJsonObject().getAsJsonArray("cells")) {
      if (cell.isJsonObject() && isCode(cell.getAsJsonObject())) code.add(source(cell.getAsJsonObject()));
    }
    return code;
  }

  private static JsonElement parse(String json, String name) throws MagicError {
    try {
      JsonReader reader = new JsonReader(new StringReader(json));
      reader.setStrictness(Strictness.STRICT);
      JsonElement root = JsonParser.parseReader(reader);
      if (reader.peek() != JsonToken.END_DOCUMENT) throw new JsonParseException("unexpected text after the end of the notebook");
      return root;
    } catch (JsonParseException | IOException | IllegalStateException e) {
      String why = e.getMessage() == null ? e.toString() : e.getMessage().replaceAll("\\s*See https?://\\S+", "");
      throw new MagicError("%load: " + name + " is not valid JSON (" + why + ").");
    }
  }

  private static boolean isCode(JsonObject cell) {
    JsonElement type = cell.get("cell_type");
    return type != null && type.isJsonPrimitive() && "code".equals(type.getAsString());
  }

  /** nbformat allows a cell's source as one string or as a list of lines. */
  private static String source(JsonObject cell) {
    JsonElement src = cell.get("source");
    if (src == null || src.isJsonNull()) return "";
    StringBuilder sb = new StringBuilder();
    if (src.isJsonArray()) {
      for (JsonElement line : src.getAsJsonArray()) sb.append(line.getAsString());
    } else {
      sb.append(src.getAsString());
    }
    return sb.toString().replace("\r\n", "\n").replace('\r', '\n');
  }
}
