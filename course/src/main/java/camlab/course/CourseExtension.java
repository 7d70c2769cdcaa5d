package camlab.course;

import camlab.course.display.CourseRenderers;
import camlab.exercises.ExerciseCells;
import camlab.exercises.cell.NotSolvedYet;
import camlab.exercises.cell.NotebookImports;
import camlab.kernel.extension.Extension;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.Renderer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The course in the kernel: the imports the grader compiles exercise cells with (so a cell that runs in the notebook
 * compiles there) plus {@code check()}, the library's progress bars drawn in place, every exercise cell remembered for
 * {@code check()}, unsolved exercises shown as a note instead of an error, and renderers for the library's types.
 */
public final class CourseExtension implements Extension {
  private final CourseBuild build = CourseBuild.load();

  @Override
  public List<String> startupCode() {
    List<String> code = new ArrayList<>(NotebookImports.forKernel());
    code.add("import camlab.util.Progress;");
    code.add(NotebookProgress.class.getName() + ".install();");
    return code;
  }

  @Override
  public void registerRenderers(Renderer renderer) {
    CourseRenderers.registerAll(renderer);
  }

  /** A cell that failed because an exercise is still the stub: a note saying where to solve it, and the run goes on. */
  @Override
  public Optional<DisplayData> renderException(Throwable thrown, String cellCode) {
    NotSolvedYet stub = NotSolvedYet.findIn(thrown);
    return stub == null ? Optional.empty() : Optional.of(notSolvedNote(stub.exerciseId(), cellCode));
  }

  /** Every exercise cell run (or failed) is what {@code check("2.1")} grades next. */
  @Override
  public void afterCell(String cellCode) {
    ExerciseCells.remember(cellCode);
  }

  @Override
  public String banner() {
    return "DJL " + build.get("djl.version") + " with the PyTorch " + build.get("pytorch.version") + " engine; camlab-lib "
        + build.get("course.version") + ", Tablesaw " + build.get("tablesaw.version") + ", XChart " + build.get("xchart.version")
        + "; check(\"2.1\") grades an exercise";
  }

  @Override
  public Map<String, String> helpLinks() {
    Map<String, String> links = new LinkedHashMap<>();
    links.put("DJL " + build.get("djl.version") + " API", "https://javadoc.io/doc/ai.djl/api/" + build.get("djl.version") + "/");
    links.put("Tablesaw", "https://jtablesaw.github.io/tablesaw/");
    links.put("XChart", "https://knowm.org/open-source/xchart/");
    return links;
  }

  static DisplayData notSolvedNote(String id, String code) {
    boolean ownCell = id.equals(ExerciseCells.exerciseIdOf(code));
    String todo = ownCell
        ? "replace the `throw new NotSolvedYet(...)` line in this cell with your solution, then run it again."
        : "solve it in its cell (marked `// EXERCISE " + id + "`), run that cell, then run this one again.";
    DisplayData note = new DisplayData("⏳ Exercise " + id + " is not solved yet — " + todo.replace("`", ""));
    note.putMarkdown("⏳ **Exercise " + id + " is not solved yet** — " + todo);
    return note;
  }
}
