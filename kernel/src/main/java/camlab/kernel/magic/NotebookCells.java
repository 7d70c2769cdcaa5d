package camlab.kernel.magic;

import camlab.exercises.source.NotebookFile;
import camlab.exercises.source.NotebookFormatException;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The code cells of a Jupyter notebook file (nbformat 4), in order, read as the grader reads them. */
final class NotebookCells {
  private NotebookCells() {}

  static List<String> codeCells(Path notebook) throws IOException, MagicError {
    JsonObject root;
    try {
      root = NotebookFile.parse(Files.readString(notebook), notebook.getFileName().toString());
    } catch (NotebookFormatException e) {
      throw new MagicError("%load: " + e.getMessage() + ".");
    }
    List<String> code = new ArrayList<>();
    for (JsonElement cell : root.getAsJsonArray("cells")) {
      if (cell.isJsonObject() && NotebookFile.isCodeCell(cell.getAsJsonObject())) code.add(NotebookFile.source(cell.getAsJsonObject()));
    }
    return code;
  }
}
