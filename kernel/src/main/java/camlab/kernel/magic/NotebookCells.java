package camlab.kernel.magic;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The code cells of a Jupyter notebook file (nbformat 4), in order. */
final class NotebookCells {
  private NotebookCells() {}

  static List<String> codeCells(Path notebook) throws IOException, MagicError {
    JsonObject root;
    try {
      root = JsonParser.parseString(Files.readString(notebook)).getAsJsonObject();
    } catch (JsonParseException | IllegalStateException e) {
      throw new MagicError("%load: " + notebook.getFileName() + " is not a notebook (invalid JSON: " + e.getMessage() + ").");
    }
    JsonArray cells = root.getAsJsonArray("cells");
    if (cells == null) {
      throw new MagicError("%load: " + notebook.getFileName() + " has no \"cells\": only nbformat 4 notebooks can be loaded.");
    }
    List<String> code = new ArrayList<>();
    for (JsonElement e : cells) {
      JsonObject cell = e.getAsJsonObject();
      if (!"code".equals(cell.get("cell_type").getAsString())) continue;
      JsonElement source = cell.get("source");
      if (source == null) continue;
      if (source.isJsonArray()) {
        StringBuilder s = new StringBuilder();
        source.getAsJsonArray().forEach(line -> s.append(line.getAsString()));
        code.add(s.toString());
      } else {
        code.add(source.getAsString());
      }
    }
    return code;
  }
}
