package camlab.exercises.instructor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import camlab.exercises.grading.GraderPlan;
import camlab.exercises.registry.Exercise;
import camlab.exercises.registry.ExerciseRegistry;
import camlab.exercises.source.ExerciseCell;
import camlab.exercises.source.Git;
import camlab.exercises.source.SolutionsFile;
import camlab.util.AtomicFile;

/**
 * The repository a class receives: the instructor's, as committed (HEAD, not the working tree), without what students must not see — the reference
 * answers ({@code solutions/}), the hidden graders ({@code *HiddenGrader.java}; their names and points stay, in
 * {@link GraderPlan#MANIFEST}, so the students' score table lists them as graded by the instructor), and the tests that
 * exist to check the graders and the course kernel against the answers (the exercises module's tests, and the course
 * module's integration tests that run the reference answers).
 */
public final class Release {
  /** The test {@code ./mvnw test} grades with; it stays in a class's repository (the last module's tests run last). */
  static final String GRADING_ENTRY = "course/src/test/java/camlab/course/CourseGradeTest.java";
  /** The course module's checks that run the reference answers ({@code solutions/}), which a class does not have. */
  private static final List<String> RUN_THE_ANSWERS = List.of(
      "course/src/test/java/camlab/course/CourseNotebooksIT.java",
      "course/src/test/java/camlab/course/CourseKernelIT.java",
      "course/src/test/python/course_kernel_test.py");
  private static final int MIN_SOLUTION_TEXT = 40;

  private Release() {}

  /** What was written. */
  public record Written(int files, List<String> leftOut) {}

  /** Writes the release of the repository at {@code root} (its committed files) into the new folder {@code out}. */
  public static Written write(Path root, Path out, ExerciseRegistry registry) throws IOException {
    if (Files.exists(out) && (!Files.isDirectory(out) || Files.list(out).findAny().isPresent())) {
      throw new IllegalArgumentException(out + " already exists and is not an empty folder: give a new folder for the release");
    }
    List<String> tracked = Git.trackedFiles(root).orElseThrow(() -> new IllegalArgumentException(root
        + " is not a git checkout (or git is missing): a release is made from the committed files of the instructor's repository"));
    Files.createDirectories(out);
    AtomicFile.checkWritableFolder(out);
    List<String> kept = new ArrayList<>();
    List<String> leftOut = new ArrayList<>();
    for (String file : tracked) (leftOut(file) ? leftOut : kept).add(file);
    Git.export(root, kept, out); // the committed content: an instructor's uncommitted, solved notebooks never leave
    List<GraderPlan> plans = registry.all().stream().map(GraderPlan::of).toList();
    Path manifest = out.resolve("exercises/src/main/resources").resolve(GraderPlan.MANIFEST);
    Files.createDirectories(manifest.getParent());
    AtomicFile.writeString(manifest, GraderPlan.manifest(plans));
    return new Written(kept.size() + 1, leftOut);
  }

  /** True for a committed file a class must not receive. */
  static boolean leftOut(String file) {
    if (file.startsWith("solutions/") || file.endsWith("HiddenGrader.java")) return true;
    return file.startsWith("exercises/src/test/") || RUN_THE_ANSWERS.contains(file);
  }

  /**
   * What in {@code release} a class must not see, one line each (empty when nothing): a solutions folder, a hidden grader,
   * or the text of a reference answer (from the instructor's {@code solutions/} at {@code root}) in any file.
   */
  public static List<String> problems(Path release, Path root, ExerciseRegistry registry) throws IOException {
    List<String> problems = new ArrayList<>();
    if (Files.exists(release.resolve("solutions"))) problems.add("the release has a solutions/ folder");
    List<String[]> answers = new ArrayList<>();
    for (Exercise e : registry.all()) {
      Path file = root.resolve("solutions").resolve(e.solutionsFile());
      if (!Files.isRegularFile(file)) continue;
      for (ExerciseCell cell : SolutionsFile.sections(Files.readString(file, StandardCharsets.UTF_8), file.toString())) {
        if (!cell.id().equals(e.id())) continue;
        String body = essence(bodyOf(cell.source()));
        if (body.length() >= MIN_SOLUTION_TEXT) answers.add(new String[] {e.id(), body});
      }
    }
    try (Stream<Path> files = Files.walk(release)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        String name = release.relativize(f).toString();
        if (name.endsWith("HiddenGrader.java") || name.endsWith("HiddenGrader.class")) problems.add(name + " is a hidden grader");
        String text;
        try {
          text = essence(Files.readString(f, StandardCharsets.UTF_8));
        } catch (MalformedInputException binary) {
          continue;
        }
        for (String[] a : answers) if (text.contains(a[1])) problems.add(name + " holds the reference answer of " + a[0]);
      }
    }
    return problems;
  }

  /** The cell after its method's opening brace: the part a student writes. */
  private static String bodyOf(String cell) {
    int brace = cell.indexOf('{', cell.indexOf(")"));
    return brace < 0 ? cell : cell.substring(brace + 1);
  }

  /** Text without whitespace, so that layout changes cannot hide a copy. */
  private static String essence(String text) {
    StringBuilder sb = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!Character.isWhitespace(c)) sb.append(c);
    }
    return sb.toString();
  }
}
