package camlab.exercises.gates;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import camlab.exercises.CourseExercises;
import camlab.exercises.GradeRun;
import camlab.exercises.SolveNotebooks;
import camlab.exercises.fixture.FixtureExercises;
import camlab.exercises.grading.GradeSettings;
import camlab.exercises.grading.Status;
import camlab.exercises.report.GradeReport;
import camlab.exercises.report.VerdictFormat;
import camlab.exercises.source.NotebookFile;
import camlab.exercises.source.RepoRoot;
import camlab.exercises.source.SubmissionSource;

/** The solved-notebooks command: exercise cells replaced by the reference answers, everything else kept, and it grades 100 %. */
class SolveNotebooksIT {
  @Test
  void solvedFixtureNotebooksGradeFullMarksAndKeepOtherCells(@TempDir Path tmp) throws Exception {
    Path stubs = FixtureExercises.stubNotebooks();
    byte[] before = Files.readAllBytes(stubs.resolve("02-cam.ipynb"));
    Path out = tmp.resolve("solved");

    Map<String, List<String>> solved = SolveNotebooks.solve(stubs, FixtureExercises.solutionsFor(tmp), out);

    assertEquals(Map.of("02-cam.ipynb", List.of("2.1"), "09-fixture.ipynb", List.of("9.1")), solved);
    assertArrayEquals(before, Files.readAllBytes(stubs.resolve("02-cam.ipynb")), "the input notebook must not change");
    JsonArray original = cells(stubs.resolve("02-cam.ipynb"));
    JsonArray result = cells(out.resolve("02-cam.ipynb"));
    assertEquals(original.size(), result.size());
    for (int i = 0; i < original.size(); i++) {
      String was = NotebookFile.source(original.get(i).getAsJsonObject());
      String is = NotebookFile.source(result.get(i).getAsJsonObject());
      if (was.contains("NotSolvedYet(\"2.1\")")) {
        assertTrue(is.startsWith("// EXERCISE 2.1 — Class activation map (3 points)\n"), is);
        assertTrue(is.contains("sum(new int[] {0})") && !is.contains("NotSolvedYet"), is);
      } else {
        assertEquals(was, is, "cell " + (i + 1) + " is not an exercise cell and must be kept");
      }
    }
    GradeReport report = GradeRun.run(FixtureExercises.registry(), SubmissionSource.fromSetting(out.toString(), RepoRoot.find()),
        GradeSettings.fromSystemProperties(), v -> { });
    report.verdicts().forEach(v -> assertEquals(Status.PASS, v.status(), () -> VerdictFormat.block(v)));
  }

  @Test
  void refusesToSolveWithoutAnAnswerForEveryExercise(@TempDir Path tmp) throws Exception {
    Path solutions = tmp.resolve("solutions");
    Files.createDirectories(solutions);
    Files.copy(RepoRoot.find().resolve("solutions/02-cam.jsh"), solutions.resolve("02-cam.jsh"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SolveNotebooks.solve(FixtureExercises.stubNotebooks(), solutions, tmp.resolve("out")));
    assertTrue(e.getMessage().contains("exercise 9.1 has no section in solutions/"), e.getMessage());
    assertTrue(Files.notExists(tmp.resolve("out")), "nothing may be written when an answer is missing");
  }

  @Test
  void refusesToOverwriteTheNotebooks(@TempDir Path tmp) throws Exception {
    Path nbs = tmp.resolve("nbs");
    Files.createDirectories(nbs);
    Files.copy(FixtureExercises.stubNotebooks().resolve("09-fixture.ipynb"), nbs.resolve("09-fixture.ipynb"));
    assertThrows(IllegalArgumentException.class, () -> SolveNotebooks.solve(nbs, FixtureExercises.solutionsFor(tmp), nbs));
  }

  /** Once the course notebooks exist: solving them with solutions/ grades 100 % (what CI executes). */
  @Test
  void solvedCourseNotebooksGradeFullMarks(@TempDir Path tmp) throws Exception {
    Path root = RepoRoot.find();
    Path notebooks = root.resolve("notebooks");
    Assumptions.assumeTrue(CourseExercises.registry().notebooks().stream().anyMatch(nb -> Files.exists(notebooks.resolve(nb))),
        "no course notebook with exercises exists yet");
    Path out = tmp.resolve("solved");
    SolveNotebooks.solve(notebooks, root.resolve("solutions"), out);
    GradeReport report = GradeRun.run(CourseExercises.registry(), SubmissionSource.notebooks(out, root, true),
        GradeSettings.fromSystemProperties(), v -> { });
    report.verdicts().forEach(v -> assertEquals(Status.PASS == v.status() || v.message().endsWith("does not exist"), true,
        () -> VerdictFormat.block(v)));
  }

  private static JsonArray cells(Path notebook) throws Exception {
    JsonObject nb = NotebookFile.parse(Files.readString(notebook, StandardCharsets.UTF_8), notebook.toString());
    return nb.getAsJsonArray("cells");
  }
}
