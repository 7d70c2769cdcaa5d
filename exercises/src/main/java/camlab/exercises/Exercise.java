package camlab.exercises;

import java.util.Objects;

/**
 * One graded exercise: where its cell lives, what it must define, how many points it is worth and
 * which JUnit class grades it. The registry ({@link CourseExercises}) is the source of truth for points.
 *
 * @param notebook file name of the notebook holding the cell, e.g. {@code 02-cam.ipynb}
 * @param grader   a JUnit 5 class whose tests receive the student's implementation of {@code contract}
 */
public record Exercise(String id, String title, int points, String notebook, Contract contract, Class<?> grader) {
  public Exercise {
    Objects.requireNonNull(id, "id");
    if (!id.matches("\\d+\\.\\d+")) throw new IllegalArgumentException("exercise id must look like 2.1: " + id);
    if (points <= 0) throw new IllegalArgumentException("exercise " + id + " must be worth at least 1 point");
    if (!notebook.endsWith(".ipynb")) throw new IllegalArgumentException("notebook must be an .ipynb file name: " + notebook);
    Objects.requireNonNull(contract, "contract");
    Objects.requireNonNull(grader, "grader");
  }

  /** The file in {@code solutions/} holding this exercise's reference answer, e.g. {@code 02-cam.jsh}. */
  public String solutionsFile() {
    return notebook.substring(0, notebook.length() - ".ipynb".length()) + ".jsh";
  }

  /** The marker line that opens this exercise's cell. */
  public String markerLine() {
    return camlab.exercises.source.MarkerLine.format(id, title, points);
  }

  /** The class name a cell is compiled under: {@code Cell_2_1}. */
  public String cellClassName() {
    return "Cell_" + id.replace('.', '_');
  }
}
