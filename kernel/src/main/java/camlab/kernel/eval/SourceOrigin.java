package camlab.kernel.eval;

import java.nio.file.Path;

/**
 * Where a piece of code came from, so errors can say "line 3 of this cell" or "line 2 of helper.jsh".
 *
 * @param executionCount the execution count of the cell that ran it (for cells and loaded files)
 * @param name file name for loaded files and notebooks, or a label for startup code
 * @param notebookCell 1-based code-cell index inside a loaded notebook, else 0
 */
public record SourceOrigin(Kind kind, int executionCount, String name, int notebookCell) {

  public enum Kind { CELL, FILE, NOTEBOOK_CELL, STARTUP }

  public static SourceOrigin cell(int executionCount) {
    return new SourceOrigin(Kind.CELL, executionCount, null, 0);
  }

  public static SourceOrigin file(Path file, int executionCount) {
    return new SourceOrigin(Kind.FILE, executionCount, file.getFileName().toString(), 0);
  }

  public static SourceOrigin notebookCell(Path notebook, int codeCellIndex, int executionCount) {
    return new SourceOrigin(Kind.NOTEBOOK_CELL, executionCount, notebook.getFileName().toString(), codeCellIndex);
  }

  public static SourceOrigin startup(String label) {
    return new SourceOrigin(Kind.STARTUP, 0, label, 0);
  }

  /** "this cell", "cell [4]", "helper.jsh", "utils.ipynb (code cell 2)" or the startup label. */
  public String describe(int currentExecutionCount) {
    return switch (kind) {
      case CELL -> executionCount == currentExecutionCount ? "this cell" : "cell [" + executionCount + "]";
      case FILE -> name;
      case NOTEBOOK_CELL -> name + " (code cell " + notebookCell + ")";
      case STARTUP -> name;
    };
  }
}
