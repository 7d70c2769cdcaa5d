package camlab.exercises.registry;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import camlab.exercises.sandbox.CellSignature;

/**
 * One graded exercise: where its cell lives, what it must define, how many points it is worth and
 * which JUnit class grades it. The course's registry ({@code camlab.exercises.CourseExercises}) is the source of truth for points.
 *
 * @param notebook      file name of the notebook holding the cell, e.g. {@code 02-cam.ipynb}
 * @param grader        a JUnit 5 class whose tests receive the student's implementation of {@code contract}
 * @param writeYourself library members that would answer the exercise outright, so its cell may not call them:
 *                      {@code camlab.ops.MapOps#minMaxNormalize} (a method or field), {@code …#upsample*}
 *                      (every member whose name starts so) or {@code camlab.explain.Cam} (the whole class)
 * @param hiddenGraderClass the class of its hidden tests, run only when an instructor grades, by name: a repository
 *                      released to students leaves it out ({@code ""} when the exercise has none)
 */
public record Exercise(String id, String title, int points, String notebook, Contract contract, Class<?> grader,
    List<String> writeYourself, String hiddenGraderClass) {
  public Exercise {
    Objects.requireNonNull(id, "id");
    if (!id.matches("\\d+\\.\\d+")) throw new IllegalArgumentException("exercise id must look like 2.1: " + id);
    if (points <= 0) throw new IllegalArgumentException("exercise " + id + " must be worth at least 1 point");
    if (!notebook.endsWith(".ipynb")) throw new IllegalArgumentException("notebook must be an .ipynb file name: " + notebook);
    Objects.requireNonNull(contract, "contract");
    Objects.requireNonNull(grader, "grader");
    writeYourself = List.copyOf(writeYourself);
    hiddenGraderClass = hiddenGraderClass == null ? "" : hiddenGraderClass;
    for (String entry : writeYourself) {
      if (!entry.matches("[\\w.$]+(#[\\w$<>]+\\*?)?")) {
        throw new IllegalArgumentException("exercise " + id + ": \"" + entry + "\" must be a class name, optionally #member or #prefix*");
      }
    }
  }

  /** An exercise whose cell may call any library member, without hidden tests. */
  public Exercise(String id, String title, int points, String notebook, Contract contract, Class<?> grader) {
    this(id, title, points, notebook, contract, grader, List.of(), "");
  }

  /** An exercise without hidden tests. */
  public Exercise(String id, String title, int points, String notebook, Contract contract, Class<?> grader, List<String> writeYourself) {
    this(id, title, points, notebook, contract, grader, writeYourself, "");
  }

  /** This exercise with hidden tests in the class named {@code className}. */
  public Exercise withHiddenGrader(String className) {
    return new Exercise(id, title, points, notebook, contract, grader, writeYourself, className);
  }

  /** The class name of its hidden tests, if it has any. */
  public Optional<String> hiddenGrader() {
    return hiddenGraderClass.isEmpty() ? Optional.empty() : Optional.of(hiddenGraderClass);
  }

  /** The file in {@code solutions/} holding this exercise's reference answer, e.g. {@code 02-cam.jsh}. */
  public String solutionsFile() {
    return notebook.substring(0, notebook.length() - ".ipynb".length()) + ".jsh";
  }

  /** The class name a cell is compiled under: {@code Cell_2_1}. */
  public String cellClassName() {
    return "Cell_" + id.replace('.', '_');
  }

  /** The method this exercise's cell must define, as a cell JVM checks it. */
  public CellSignature cellSignature() {
    return contract.cellSignature(cellClassName(), id);
  }

  /**
   * If the cell may not use {@code member} of {@code className} (dotted binary name; {@code member} null for the class
   * itself) because the exercise asks for it, how to name it to the student, e.g. {@code MapOps.minMaxNormalize}.
   */
  public Optional<String> writeYourselfMatch(String className, String member) {
    for (String entry : writeYourself) {
      int hash = entry.indexOf('#');
      String owner = hash < 0 ? entry : entry.substring(0, hash);
      if (!className.equals(owner) && !className.startsWith(owner + "$")) continue;
      String simple = owner.substring(owner.lastIndexOf('.') + 1).replace('$', '.');
      if (hash < 0) return Optional.of(member == null || member.equals("<init>") ? simple : simple + "." + member);
      if (member == null) continue;
      String wanted = entry.substring(hash + 1);
      boolean matches = wanted.endsWith("*") ? member.startsWith(wanted.substring(0, wanted.length() - 1)) : member.equals(wanted);
      if (matches) return Optional.of(simple + "." + member);
    }
    return Optional.empty();
  }
}
