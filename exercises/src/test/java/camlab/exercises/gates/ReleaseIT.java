package camlab.exercises.gates;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import camlab.exercises.CourseExercises;
import camlab.exercises.grading.GraderPlan;
import camlab.exercises.instructor.Release;
import camlab.exercises.source.RepoRoot;

/**
 * The repository a class receives: it holds no reference answer and no hidden grader, it builds, and its {@code ./mvnw test}
 * grades, listing the hidden tests as graded by the instructor, and ends with the score table.
 */
class ReleaseIT {
  @Test
  void theReleaseHoldsNoAnswerBuildsAndGrades(@TempDir Path tmp) throws Exception {
    Path root = RepoRoot.find();
    Path release = tmp.resolve("class");
    Release.Written w = Release.write(root, release, CourseExercises.registry());
    assertEquals(List.of(), Release.problems(release, root, CourseExercises.registry()));
    assertTrue(w.leftOut().stream().anyMatch(f -> f.startsWith("solutions/")));
    assertTrue(w.leftOut().stream().anyMatch(f -> f.endsWith("HiddenGrader.java")));
    assertTrue(Files.isRegularFile(release.resolve("exercises/src/main/resources").resolve(GraderPlan.MANIFEST)));
    try (Stream<Path> files = Files.walk(release)) {
      assertFalse(files.anyMatch(f -> f.getFileName().toString().contains("HiddenGrader")));
    }

    // offline: this build has just put everything the release needs into the local repository
    List<String> mvn = new ArrayList<>(List.of(release.resolve("mvnw").toString(), "-o", "-B", "-q", "test"));
    Process build = new ProcessBuilder(mvn).directory(release.toFile()).redirectErrorStream(true)
        .redirectOutput(tmp.resolve("build.log").toFile()).start();
    boolean ended = build.waitFor(20, TimeUnit.MINUTES);
    if (!ended) build.destroyForcibly();
    String log = Files.readString(tmp.resolve("build.log"), StandardCharsets.UTF_8);
    assertTrue(ended && build.exitValue() == 0, () -> "the release's ./mvnw test failed:\n" + tail(log));
    assertTrue(log.contains("CamLab score"), () -> tail(log));
    assertTrue(log.contains("are graded by your instructor"), () -> tail(log));
    List<String> printed = log.lines().filter(line -> !line.isBlank()).toList();
    assertTrue(printed.get(printed.size() - 1).startsWith("(also in ") && printed.get(printed.size() - 1).contains("score.md"),
        () -> "the score table must be the last thing ./mvnw test prints (no module's tests after it):\n" + tail(log));
  }

  private static String tail(String log) {
    List<String> lines = log.lines().toList();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
  }
}
