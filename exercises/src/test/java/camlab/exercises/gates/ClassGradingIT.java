package camlab.exercises.gates;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import camlab.exercises.CourseExercises;
import camlab.exercises.SolveNotebooks;
import camlab.exercises.fixture.FixtureExercises;
import camlab.exercises.grading.GradeSettings;
import camlab.exercises.grading.GraderPlan;
import camlab.exercises.instructor.ClassGrading;
import camlab.exercises.registry.ExerciseRegistry;
import camlab.exercises.source.RepoRoot;
import camlab.exercises.source.SolutionsFile;

/**
 * The batch grader on a small class built here — a correct, an untouched, a partly correct (one answer that only the hidden
 * tests catch), a non-compiling, a hostile and an empty submission: grades.csv holds exactly the expected points, the
 * hostile one touches nothing of the others', each student gets feedback pages, and a second run grades only what changed.
 */
class ClassGradingIT {
  private static final ExerciseRegistry COURSE = CourseExercises.registry();
  /** grades.csv has two decimals. */
  private static final double CSV = 0.005;

  @Test
  void aClassIsGradedWithOneCommandAndOnlyChangesAreGradedAgain(@TempDir Path tmp) throws Exception {
    Path root = RepoRoot.find();
    Map<String, String> answers = sections(root.resolve("solutions"));
    Path alice = student(tmp, "alice", answers);
    Path bob = tmp.resolve("bob"); // the notebooks as handed out
    Files.createDirectories(bob.resolve("notebooks"));
    try (var notebooks = Files.list(root.resolve("notebooks"))) {
      for (Path n : notebooks.filter(f -> f.toString().endsWith(".ipynb")).toList()) Files.copy(n, bob.resolve("notebooks").resolve(n.getFileName()));
    }
    Map<String, String> partly = new LinkedHashMap<>(answers);
    partly.put("2.1", wrongAnswer("2.1", "relu-applied.jsh"));
    partly.put("2.2", wrongAnswer("2.2", "epsilon-guard.jsh")); // passes every visible test; a hidden one catches it
    Path carol = student(tmp, "carol", partly);
    Map<String, String> broken = new LinkedHashMap<>(answers);
    broken.put("1.1", answers.get("1.1").replaceFirst("return", "retrun"));
    Path dave = student(tmp, "dave", broken);
    Map<String, String> hostile = new LinkedHashMap<>(answers);
    String aliceNotebook = alice.resolve("notebooks/06-localization.ipynb").toString();
    hostile.put("6.1", "// EXERCISE 6.1 — IoU of two boxes (2 points)\n"
        + "double boxIou(int[] a, int[] b) {\n"
        + "    try { java.nio.file.Files.writeString(java.nio.file.Path.of(\"" + aliceNotebook + "\"), \"{}\"); }\n"
        + "    catch (java.io.IOException e) { throw new java.io.UncheckedIOException(e); }\n"
        + "    return 1.0;\n}\n");
    hostile.put("7.1", "// EXERCISE 7.1 — Deletion AUC (2 points)\ndouble deletionAuc(double[] scores) {\n    System.exit(1);\n    return 0;\n}\n");
    Path eve = student(tmp, "eve", hostile);
    Path frank = Files.createDirectories(tmp.resolve("frank"));
    String aliceBefore = digest(alice.resolve("notebooks"));

    Path out = tmp.resolve("grades");
    List<ClassGrading.Student> students = ClassGrading.students(List.of(alice, bob, carol, dave, eve, frank));
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    ClassGrading.Summary first = ClassGrading.grade(students, out, COURSE, GradeSettings.fromSystemProperties(),
        new PrintStream(log, true, StandardCharsets.UTF_8));
    assertEquals(6, first.graded());
    String csv = Files.readString(out.resolve("grades.csv"));
    System.out.print(log + csv);

    double total = COURSE.totalPoints();
    assertEquals(total, points(csv, "alice", "total"), CSV);
    assertEquals(0, points(csv, "bob", "total"), CSV);
    assertEquals(0, points(csv, "frank", "total"), CSV);
    assertEquals(total - COURSE.require("1.1").points(), points(csv, "dave", "total"), CSV);
    assertEquals(0, points(csv, "dave", "1.1"), CSV);
    assertEquals(total - COURSE.require("6.1").points() - COURSE.require("7.1").points(), points(csv, "eve", "total"), CSV);
    double hidden22 = GraderPlan.of(COURSE.require("2.2")).points(true);
    assertEquals(COURSE.require("2.2").points() - hidden22, points(csv, "carol", "2.2"), CSV);
    assertTrue(points(csv, "carol", "2.1") < COURSE.require("2.1").points());
    assertEquals(aliceBefore, digest(alice.resolve("notebooks")), "the hostile submission changed another student's files");

    JsonObject eveFeedback = JsonParser.parseString(Files.readString(out.resolve("eve/feedback.json"))).getAsJsonObject();
    assertTrue(eveFeedback.toString().contains("may not read or write files"), eveFeedback.toString());
    assertTrue(eveFeedback.toString().contains("called System.exit(1)"), eveFeedback.toString());
    for (String name : List.of("alice", "bob", "carol", "dave", "eve", "frank")) {
      for (String f : List.of("feedback.html", "feedback.md", "feedback.json", "results.json")) {
        assertTrue(Files.size(out.resolve(name).resolve(f)) > 0, name + "/" + f);
      }
    }
    assertFalse(Files.readString(out.resolve("carol/feedback.html")).contains("1.0000153"), "a hidden test's input reached the page");

    Files.writeString(bob.resolve("notebooks/01-gap.ipynb"), Files.readString(alice.resolve("notebooks/01-gap.ipynb")));
    ClassGrading.Summary second = ClassGrading.grade(students, out, COURSE, GradeSettings.fromSystemProperties(), new PrintStream(log));
    assertEquals(1, second.graded());
    assertEquals(5, second.unchanged());
    double gap = COURSE.require("1.1").points() + COURSE.require("1.2").points();
    assertEquals(gap, points(Files.readString(out.resolve("grades.csv")), "bob", "total"), CSV);
  }

  /** A student whose notebooks hold {@code answers} (exercise id → cell), the rest of each notebook as committed. */
  private static Path student(Path tmp, String name, Map<String, String> answers) throws Exception {
    Path solutions = Files.createDirectories(tmp.resolve("answers-" + name));
    Map<String, StringBuilder> files = new LinkedHashMap<>();
    for (var e : COURSE.all()) {
      if (answers.containsKey(e.id())) files.computeIfAbsent(e.solutionsFile(), f -> new StringBuilder()).append(answers.get(e.id())).append('\n');
    }
    for (var f : files.entrySet()) Files.writeString(solutions.resolve(f.getKey()), f.getValue());
    Path dir = tmp.resolve(name);
    SolveNotebooks.solve(RepoRoot.find().resolve("notebooks"), solutions, dir.resolve("notebooks"));
    return dir;
  }

  private static Map<String, String> sections(Path solutions) throws Exception {
    Map<String, String> out = new LinkedHashMap<>();
    for (var e : COURSE.all()) {
      Path file = solutions.resolve(e.solutionsFile());
      for (var cell : SolutionsFile.sections(Files.readString(file), file.toString())) out.putIfAbsent(cell.id(), cell.source());
    }
    return out;
  }

  private static String wrongAnswer(String id, String file) throws Exception {
    return Files.readString(FixtureExercises.resources().resolve("wrong-answers").resolve(id).resolve(file));
  }

  private static double points(String csv, String student, String column) {
    List<String> header = List.of(csv.lines().findFirst().orElseThrow().split(","));
    String row = csv.lines().filter(l -> l.startsWith(student + ",")).findFirst().orElseThrow(() -> new AssertionError("no row " + student));
    return Double.parseDouble(row.split(",")[header.indexOf(column)]);
  }

  private static String digest(Path dir) throws Exception {
    MessageDigest d = MessageDigest.getInstance("SHA-256");
    try (var files = Files.list(dir)) {
      for (Path f : files.sorted().toList()) d.update(Files.readAllBytes(f));
    }
    return HexFormat.of().formatHex(d.digest());
  }
}
