package camlab.exercises.source;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import camlab.exercises.fixture.FixtureExercises;

class SubmissionSourceTest {
  @TempDir Path root;

  @Test
  void aMissingNotebookIsTodoAndAMissingCellIsUnreadable() throws Exception {
    Path nbs = Files.createDirectories(root.resolve("notebooks"));
    Files.writeString(nbs.resolve("09-fixture.ipynb"), "{\"cells\": [{\"cell_type\": \"code\", \"source\": \"int other;\"}]}");
    List<Submission> s = SubmissionSource.fromSetting("notebooks", root).collect(FixtureExercises.registry());
    Submission.NotStarted cam = assertInstanceOf(Submission.NotStarted.class, s.get(0));
    assertEquals("notebooks/02-cam.ipynb does not exist", cam.reason());
    Submission.Unreadable sum = assertInstanceOf(Submission.Unreadable.class, s.get(1));
    assertTrue(sum.reason().startsWith("notebooks/09-fixture.ipynb has no cell starting with `// EXERCISE 9.1`"), sum.reason());
  }

  @Test
  void anInvalidNotebookAffectsOnlyItsOwnExercises() throws Exception {
    Path nbs = Files.createDirectories(root.resolve("notebooks"));
    Files.writeString(nbs.resolve("02-cam.ipynb"), "{\"cells\": [");
    Files.copy(FixtureExercises.stubNotebooks().resolve("09-fixture.ipynb"), nbs.resolve("09-fixture.ipynb"));
    List<Submission> s = SubmissionSource.fromSetting("notebooks", root).collect(FixtureExercises.registry());
    Submission.Unreadable cam = assertInstanceOf(Submission.Unreadable.class, s.get(0));
    assertTrue(cam.reason().startsWith("notebooks/02-cam.ipynb is not valid JSON"), cam.reason());
    assertTrue(cam.reason().contains("git checkout -- notebooks/02-cam.ipynb"), cam.reason());
    assertInstanceOf(Submission.Found.class, s.get(1));
  }

  @Test
  void theLastOfTwoCellsWithTheSameMarkerWins() throws Exception {
    Path nbs = Files.createDirectories(root.resolve("nbs"));
    String marker = "// EXERCISE 9.1 — Sum of values (1 point)\\n";
    Files.writeString(nbs.resolve("09-fixture.ipynb"), "{\"cells\": ["
        + "{\"cell_type\": \"code\", \"source\": \"" + marker + "int sum(int[] v) { return 1; }\"},"
        + "{\"cell_type\": \"code\", \"source\": \"" + marker + "int sum(int[] v) { return 2; }\"}]}", StandardCharsets.UTF_8);
    Submission.Found f = assertInstanceOf(Submission.Found.class,
        SubmissionSource.fromSetting("nbs", root).collect(FixtureExercises.SUM));
    assertTrue(f.cell().source().contains("return 2;"));
    assertEquals("nbs/09-fixture.ipynb, cell 2", f.cell().origin());
  }

  @Test
  void solutionsAreReadFromJshSections() throws Exception {
    Path sol = Files.createDirectories(root.resolve("solutions"));
    Files.writeString(sol.resolve("09-fixture.jsh"), "// EXERCISE 9.1 — Sum of values (1 point)\nint sum(int[] v) { return 0; }\n");
    Submission.Found f = assertInstanceOf(Submission.Found.class,
        SubmissionSource.fromSetting("solutions", root).collect(FixtureExercises.SUM));
    assertEquals("solutions/09-fixture.jsh, line 1", f.cell().origin());
    assertInstanceOf(Submission.Unreadable.class, SubmissionSource.fromSetting("solutions", root).collect(FixtureExercises.registry()).get(0),
        "a missing solutions file is an error, not TODO");
  }

  @Test
  void anUnknownSettingSaysWhatIsAllowed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SubmissionSource.fromSetting("nowhere", root));
    assertTrue(e.getMessage().contains("use notebooks, solutions, committed, or a directory of notebooks"), e.getMessage());
  }

  @Test
  void committedOutsideAGitCheckoutFallsBackToTheWorkingTree() throws Exception {
    Path nbs = Files.createDirectories(root.resolve("notebooks"));
    Files.copy(FixtureExercises.stubNotebooks().resolve("09-fixture.ipynb"), nbs.resolve("09-fixture.ipynb"));
    assertInstanceOf(Submission.Found.class, SubmissionSource.fromSetting("committed", root).collect(FixtureExercises.SUM));
  }
}
