package camlab.exercises.gates;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import camlab.exercises.CellFiles;
import camlab.exercises.CourseExercises;
import camlab.exercises.fixture.FixtureExercises;
import camlab.exercises.registry.Exercise;
import camlab.exercises.registry.ExerciseRegistry;
import camlab.exercises.source.ExerciseCell;
import camlab.exercises.source.MarkerLine;
import camlab.exercises.source.NotebookFile;
import camlab.exercises.source.RepoRoot;
import camlab.exercises.source.SolutionsFile;

/**
 * The registry is the source of truth: every marker in {@code solutions/} and in the notebooks (as
 * committed, and the test fixtures) must carry the registry's exact id, title and points, in the
 * registry's notebook — and no marker may name an exercise the registry does not know.
 */
class RegistryConsistencyIT {
  private final ExerciseRegistry registry = CourseExercises.registry();
  private final Path root = RepoRoot.find();

  @Test
  void solutionsSectionsMatchTheRegistry() throws Exception {
    List<String> problems = new ArrayList<>();
    for (String nb : registry.notebooks()) {
      String file = registry.inNotebook(nb).get(0).solutionsFile();
      Path path = root.resolve("solutions").resolve(file);
      if (!Files.exists(path)) {
        problems.add("solutions/" + file + " is missing");
        continue;
      }
      check("solutions/" + file, SolutionsFile.sections(CellFiles.read(path), file), registry.inNotebook(nb), problems);
    }
    try (var files = Files.list(root.resolve("solutions"))) {
      for (Path p : files.filter(f -> f.toString().endsWith(".jsh")).toList()) {
        String nb = p.getFileName().toString().replace(".jsh", ".ipynb");
        if (registry.inNotebook(nb).isEmpty()) problems.add("solutions/" + p.getFileName() + " belongs to no registered notebook");
      }
    }
    assertEquals(List.of(), problems);
  }

  @Test
  void committedNotebookMarkersMatchTheRegistry() throws Exception {
    List<String> problems = new ArrayList<>();
    Path dir = root.resolve("notebooks");
    if (Files.isDirectory(dir)) {
      try (var files = Files.list(dir)) {
        for (Path nb : files.filter(f -> f.toString().endsWith(".ipynb")).sorted().toList()) {
          String name = nb.getFileName().toString();
          String committed = committedOrWorkingCopy(nb);
          List<ExerciseCell> cells = NotebookFile.exerciseCells(NotebookFile.parse(committed, name), "notebooks/" + name);
          check("notebooks/" + name, cells, registry.inNotebook(name), problems);
        }
      }
    }
    assertEquals(List.of(), problems);
  }

  @Test
  void fixtureNotebooksMatchTheRegistry() throws Exception {
    List<String> problems = new ArrayList<>();
    ExerciseRegistry fixtures = FixtureExercises.registry();
    for (String name : fixtures.notebooks()) {
      Path nb = FixtureExercises.stubNotebooks().resolve(name);
      check("fixture " + name, NotebookFile.exerciseCells(NotebookFile.parse(CellFiles.read(nb), name), name),
          fixtures.inNotebook(name), problems);
    }
    assertEquals(List.of(), problems);
  }

  /** Each expected exercise appears exactly once with its exact marker; nothing else is marked. */
  private void check(String where, List<ExerciseCell> found, List<Exercise> expected, List<String> problems) {
    Map<String, Exercise> byId = expected.stream().collect(Collectors.toMap(Exercise::id, Function.identity()));
    for (ExerciseCell cell : found) {
      Exercise e = byId.get(cell.id());
      String marker = cell.source().lines().filter(l -> !l.isBlank()).findFirst().orElse("").strip();
      if (e == null) {
        problems.add(cell.origin() + ": exercise " + cell.id() + " is not registered for " + where + " (CourseExercises)");
      } else if (!marker.equals(MarkerLine.of(e))) {
        problems.add(cell.origin() + ": marker `" + marker + "` should be `" + MarkerLine.of(e) + "`");
      }
    }
    for (Exercise e : expected) {
      long n = found.stream().filter(c -> c.id().equals(e.id())).count();
      if (n != 1) problems.add(where + " has " + n + " cells for exercise " + e.id() + ", expected exactly 1");
    }
  }

  private String committedOrWorkingCopy(Path notebook) throws Exception {
    Process p = new ProcessBuilder("git", "-C", root.toString(), "show", "HEAD:notebooks/" + notebook.getFileName())
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    byte[] out = p.getInputStream().readAllBytes();
    return p.waitFor() == 0 ? new String(out, java.nio.charset.StandardCharsets.UTF_8) : CellFiles.read(notebook);
  }

  @Test
  void everyGraderHasAtLeastTwoTests() {
    for (Exercise e : registry.all()) {
      long tests = java.util.Arrays.stream(e.grader().getDeclaredMethods())
          .filter(m -> m.isAnnotationPresent(org.junit.jupiter.api.Test.class) || m.isAnnotationPresent(org.junit.jupiter.api.TestFactory.class))
          .count();
      assertTrue(tests >= 2, e.id() + " has " + tests + " grader tests; at least 2 are required");
    }
  }
}
