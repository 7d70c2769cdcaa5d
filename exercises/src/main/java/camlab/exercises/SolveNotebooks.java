package camlab.exercises;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;

import camlab.exercises.source.ExerciseCell;
import camlab.exercises.source.MarkerLine;
import camlab.exercises.source.NotebookFile;
import camlab.exercises.source.NotebookFormatException;
import camlab.exercises.source.SolutionsFile;

/**
 * Writes copies of the notebooks with every exercise cell replaced by its reference answer from
 * {@code solutions/}: for instructors, and for CI, which executes the solved notebooks end to end.
 *
 * <p>Usage: {@code SolveNotebooks <notebooksDir> <solutionsDir> <outDir>}. The input notebooks are not touched.
 */
public final class SolveNotebooks {
  private SolveNotebooks() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      System.err.println("usage: SolveNotebooks <notebooksDir> <solutionsDir> <outDir>");
      System.exit(2);
    }
    try {
      Map<String, List<String>> solved = solve(Path.of(args[0]), Path.of(args[1]), Path.of(args[2]));
      solved.forEach((nb, ids) -> System.out.println(nb + ": solved " + (ids.isEmpty() ? "nothing (no exercises)" : String.join(", ", ids))));
    } catch (IllegalArgumentException | NotebookFormatException e) {
      System.err.println("SolveNotebooks: " + e.getMessage());
      System.exit(1);
    }
  }

  /**
   * Solves every {@code *.ipynb} in {@code notebooksDir} into {@code outDir}; returns, per notebook, the
   * exercise ids replaced. Fails without writing anything if an exercise cell has no reference answer.
   */
  public static Map<String, List<String>> solve(Path notebooksDir, Path solutionsDir, Path outDir)
      throws IOException, NotebookFormatException {
    if (Files.exists(outDir) && Files.isSameFile(outDir, notebooksDir)) {
      throw new IllegalArgumentException("the output directory must differ from " + notebooksDir + " (notebooks are never overwritten)");
    }
    Map<String, String> answers = referenceAnswers(solutionsDir);
    Map<String, JsonObject> solvedNotebooks = new LinkedHashMap<>();
    Map<String, List<String>> solvedIds = new LinkedHashMap<>();
    for (Path nb : list(notebooksDir, ".ipynb")) {
      String name = nb.getFileName().toString();
      JsonObject notebook = NotebookFile.parse(Files.readString(nb, StandardCharsets.UTF_8), name);
      solvedIds.put(name, replaceExerciseCells(notebook, answers, name));
      solvedNotebooks.put(name, notebook);
    }
    Files.createDirectories(outDir);
    var gson = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();
    for (Map.Entry<String, JsonObject> e : solvedNotebooks.entrySet()) {
      Files.writeString(outDir.resolve(e.getKey()), gson.toJson(e.getValue()) + "\n", StandardCharsets.UTF_8);
    }
    return solvedIds;
  }

  private static List<String> replaceExerciseCells(JsonObject notebook, Map<String, String> answers, String name) {
    List<String> ids = new ArrayList<>();
    JsonArray cells = notebook.getAsJsonArray("cells");
    for (int i = 0; i < cells.size(); i++) {
      if (!cells.get(i).isJsonObject() || !NotebookFile.isCodeCell(cells.get(i).getAsJsonObject())) continue;
      JsonObject cell = cells.get(i).getAsJsonObject();
      String id = MarkerLine.ofCell(NotebookFile.source(cell)).map(MarkerLine::id).orElse(null);
      if (id == null) continue;
      String answer = answers.get(id);
      if (answer == null) {
        throw new IllegalArgumentException(name + ", cell " + (i + 1) + ": exercise " + id + " has no section in solutions/");
      }
      NotebookFile.setSource(cell, answer.stripTrailing());
      cell.add("outputs", new JsonArray());
      cell.add("execution_count", JsonNull.INSTANCE);
      ids.add(id);
    }
    return ids;
  }

  /** id → reference answer, from every {@code *.jsh} in {@code solutionsDir}. */
  private static Map<String, String> referenceAnswers(Path solutionsDir) throws IOException {
    Map<String, String> answers = new LinkedHashMap<>();
    for (Path file : list(solutionsDir, ".jsh")) {
      for (ExerciseCell section : SolutionsFile.sections(Files.readString(file, StandardCharsets.UTF_8), file.getFileName().toString())) {
        if (answers.put(section.id(), section.source()) != null) {
          throw new IllegalArgumentException("exercise " + section.id() + " has two sections in " + solutionsDir);
        }
      }
    }
    return answers;
  }

  private static List<Path> list(Path dir, String suffix) throws IOException {
    if (!Files.isDirectory(dir)) throw new IllegalArgumentException(dir + " is not a directory");
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
    }
  }
}
