package camlab.exercises.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import camlab.exercises.cell.NotebookImports;

/**
 * An exercise cell wrapped into a compilable Java class.
 *
 * <p>JShell accepts top-level methods, fields and classes; javac does not. The wrapper puts the cell
 * verbatim into a class body, after the notebook's default imports and the cell's own {@code import}
 * lines (hoisted, since imports may not appear inside a class). Hoisted lines are blanked in place, so
 * line {@code n} of the cell is line {@code n + headerLines} of the class, and compiler diagnostics and
 * stack traces map back to the cell by one subtraction.
 */
public record WrappedCell(String className, String javaSource, int headerLines, int[] hoistedFrom) {
  private static final Pattern IMPORT =
      Pattern.compile("^\\s*import\\s+(static\\s+)?[\\w.]+(\\s*\\.\\s*\\*)?\\s*;\\s*(//.*)?$");

  /** Wraps {@code cellSource} (marker line included) as class {@code className} in the default package. */
  public static WrappedCell wrap(String className, String cellSource) {
    List<String> cellLines = cellSource.lines().toList();
    List<String> header = new ArrayList<>(NotebookImports.forCells());
    int defaultImports = header.size();
    List<Integer> hoisted = new ArrayList<>();
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < cellLines.size(); i++) {
      String line = cellLines.get(i);
      if (IMPORT.matcher(line).matches()) {
        header.add(line.strip());
        hoisted.add(i + 1);
        body.append('\n');
      } else {
        body.append(line).append('\n');
      }
    }
    header.add("public final class " + className + " {");
    int[] hoistedFrom = new int[header.size() + 1];
    for (int h = 0; h < hoisted.size(); h++) hoistedFrom[defaultImports + h + 1] = hoisted.get(h);
    String source = String.join("\n", header) + "\n" + body + "}\n";
    return new WrappedCell(className, source, header.size(), hoistedFrom);
  }

  /** The cell line for a line of the wrapped class, or 0 if it is wrapper code. */
  public int cellLine(long javaLine) {
    if (javaLine > headerLines) return (int) (javaLine - headerLines);
    return javaLine >= 1 && javaLine < hoistedFrom.length ? hoistedFrom[(int) javaLine] : 0;
  }
}
