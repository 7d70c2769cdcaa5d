package camlab.exercises.source;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;

/** Reads (and, for {@code SolveNotebooks}, rewrites) the cells of an nbformat 4 notebook. */
public final class NotebookFile {
  private NotebookFile() {}

  /** Parses notebook JSON strictly; {@code origin} names the file in the error message. */
  public static JsonObject parse(String json, String origin) throws NotebookFormatException {
    JsonElement root;
    try {
      JsonReader reader = new JsonReader(new StringReader(json));
      reader.setStrictness(Strictness.STRICT);
      root = JsonParser.parseReader(reader);
      if (reader.peek() != com.google.gson.stream.JsonToken.END_DOCUMENT) {
        throw new JsonParseException("unexpected text after the end of the notebook");
      }
    } catch (JsonParseException | IOException | IllegalStateException e) {
      String why = e.getMessage() == null ? e.toString() : e.getMessage().replaceAll("\\s*See https?://\\S+", "");
      throw new NotebookFormatException(origin + " is not valid JSON (" + why + ")", e);
    }
    if (!root.isJsonObject() || !root.getAsJsonObject().has("cells") || !root.getAsJsonObject().get("cells").isJsonArray()) {
      throw new NotebookFormatException(origin + " is not a Jupyter notebook (no \"cells\" array)", null);
    }
    return root.getAsJsonObject();
  }

  /** The exercise cells of {@code notebook}, in order; {@code origin} is the file name used in messages. */
  public static List<ExerciseCell> exerciseCells(JsonObject notebook, String origin) {
    List<ExerciseCell> found = new ArrayList<>();
    JsonArray cells = notebook.getAsJsonArray("cells");
    for (int i = 0; i < cells.size(); i++) {
      if (!cells.get(i).isJsonObject()) continue;
      JsonObject cell = cells.get(i).getAsJsonObject();
      if (!isCodeCell(cell)) continue;
      String source = source(cell);
      Optional<MarkerLine> marker = MarkerLine.ofCell(source);
      int cellNumber = i + 1;
      marker.ifPresent(m -> found.add(new ExerciseCell(m, source, origin + ", cell " + cellNumber)));
    }
    return found;
  }

  public static boolean isCodeCell(JsonObject cell) {
    return cell.has("cell_type") && "code".equals(cell.get("cell_type").getAsString());
  }

  /** A cell's source: nbformat allows a string or a list of strings; line endings normalized. */
  public static String source(JsonObject cell) {
    JsonElement src = cell.get("source");
    if (src == null || src.isJsonNull()) return "";
    if (src.isJsonPrimitive()) return ExerciseCell.normalizeLineEndings(src.getAsString());
    StringBuilder sb = new StringBuilder();
    for (JsonElement line : src.getAsJsonArray()) sb.append(line.getAsString());
    return ExerciseCell.normalizeLineEndings(sb.toString());
  }

  /** Sets a cell's source in Jupyter's own form: a list of lines, each but the last ending in {@code \n}. */
  public static void setSource(JsonObject cell, String text) {
    JsonArray lines = new JsonArray();
    String normalized = ExerciseCell.normalizeLineEndings(text);
    int start = 0;
    while (start < normalized.length()) {
      int end = normalized.indexOf('\n', start);
      end = end < 0 ? normalized.length() : end + 1;
      lines.add(new JsonPrimitive(normalized.substring(start, end)));
      start = end;
    }
    cell.add("source", lines);
  }
}
