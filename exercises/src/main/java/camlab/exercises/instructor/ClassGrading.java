package camlab.exercises.instructor;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import camlab.exercises.grading.GradeSettings;
import camlab.exercises.grading.Grading;
import camlab.exercises.grading.Verdict;
import camlab.exercises.registry.Exercise;
import camlab.exercises.registry.ExerciseRegistry;
import camlab.exercises.report.GradeReport;
import camlab.exercises.report.VerdictFormat;
import camlab.exercises.source.Submission;
import camlab.exercises.source.SubmissionSource;
import camlab.util.AtomicFile;
import camlab.util.Progress;

/**
 * Grades a class: every student's submission (a clone with {@code notebooks/}, or a folder of {@code .ipynb} files) in cell
 * JVMs of its own, hidden tests included, students in parallel. Writes per student {@code feedback.html}, {@code .md},
 * {@code .json} and Gradescope's {@code results.json}, and {@code grades.csv} for the whole class. A student whose notebooks
 * and the graders are unchanged since the last run into the same folder is not graded again.
 */
public final class ClassGrading {
  /** A student's submission: their name (the folder's) and where their notebooks are (perhaps none: then all is TODO). */
  public record Student(String name, Path notebooks) {
    boolean empty() {
      return !hasNotebooks(notebooks);
    }
  }

  /** What a run did. */
  public record Summary(int graded, int unchanged, Path grades) {}

  private ClassGrading() {}

  /** The students of {@code submissions}, each a folder; a clear error for a path that is not one, or a name given twice. */
  public static List<Student> students(List<Path> submissions) {
    List<Student> students = new ArrayList<>();
    Map<String, Path> seen = new HashMap<>();
    for (Path p : submissions) {
      if (!Files.isDirectory(p)) {
        throw new IllegalArgumentException(p + " is not a folder: give each submission as a folder (a clone of the course, or a folder"
            + " of .ipynb files)");
      }
      Path notebooks = Files.isDirectory(p.resolve("notebooks")) ? p.resolve("notebooks") : p;
      String name = p.toAbsolutePath().normalize().getFileName().toString();
      Path other = seen.put(name, p);
      if (other != null) {
        throw new IllegalArgumentException("two submissions are named " + name + " (" + other + " and " + p + "): a student's name is"
            + " their folder's, so give each a folder of its own name");
      }
      students.add(new Student(name, notebooks));
    }
    return students;
  }

  private static boolean hasNotebooks(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.anyMatch(f -> f.toString().endsWith(".ipynb"));
    } catch (IOException e) {
      return false;
    }
  }

  /** Grades {@code students} into {@code out}; the output folder is checked before any grading starts. */
  public static Summary grade(List<Student> students, Path out, ExerciseRegistry registry, GradeSettings settings, PrintStream log)
      throws IOException {
    Files.createDirectories(out);
    AtomicFile.checkWritableFolder(out);
    String graders = gradersHash(registry);
    List<Student> todo = new ArrayList<>();
    Map<String, String> hashes = new HashMap<>();
    int unchanged = 0;
    for (Student s : students) {
      String hash = submissionHash(s.notebooks());
      hashes.put(s.name(), hash);
      if (previous(out, s.name()).filter(f -> hash.equals(string(f, "submissionSha256")) && graders.equals(string(f, "gradersSha256")))
          .isPresent()) {
        unchanged++;
      } else {
        todo.add(s);
      }
    }
    for (Student s : students) if (s.empty()) log.println(s.name() + ": no .ipynb file in " + s.notebooks() + ", so every exercise is TODO");
    if (unchanged > 0) log.println(unchanged + " of " + students.size() + " submissions are unchanged since the last run into " + out + ": not graded again");
    if (!todo.isEmpty()) {
      GradeSettings instructor = settings.withHiddenTests(true);
      List<List<Submission>> submissions = new ArrayList<>();
      for (Student s : todo) submissions.add(SubmissionSource.notebooks(s.notebooks(), s.notebooks(), true).collect(registry));
      int cells = submissions.stream().mapToInt(List::size).sum();
      try (Grading grading = new Grading(instructor); Progress progress = Progress.start("grading " + todo.size() + " students", cells)) {
        log.println("cells are graded behind " + grading.sandboxDescription());
        int[] done = {0};
        List<List<Verdict>> verdicts = grading.gradeEach(submissions, v -> progress.update(++done[0], v.exercise().id()));
        for (int i = 0; i < todo.size(); i++) {
          Student s = todo.get(i);
          GradeReport report = new GradeReport(s.notebooks().toString(), verdicts.get(i), grading.sandboxDescription());
          write(out, s.name(), Feedback.of(s.name(), report), hashes.get(s.name()), graders);
        }
      }
    }
    Path csv = out.resolve("grades.csv");
    AtomicFile.writeString(csv, gradesCsv(students, out, registry));
    return new Summary(todo.size(), unchanged, csv);
  }

  private static void write(Path out, String student, Feedback feedback, String submissionHash, String gradersHash) throws IOException {
    Path dir = out.resolve(student);
    Files.createDirectories(dir);
    JsonObject json = JsonParser.parseString(feedback.json()).getAsJsonObject();
    json.addProperty("submissionSha256", submissionHash);
    json.addProperty("gradersSha256", gradersHash);
    AtomicFile.writeString(dir.resolve("feedback.html"), feedback.html());
    AtomicFile.writeString(dir.resolve("feedback.md"), feedback.markdown());
    AtomicFile.writeString(dir.resolve("results.json"), GradescopeResults.json(feedback));
    AtomicFile.writeString(dir.resolve("feedback.json"), new com.google.gson.GsonBuilder().setPrettyPrinting().disableHtmlEscaping()
        .create().toJson(json) + "\n"); // last: its hashes say the folder is complete
  }

  /** {@code student,1.1,…,total}: one row per student, the points of each exercise from their feedback.json. */
  static String gradesCsv(List<Student> students, Path out, ExerciseRegistry registry) {
    StringBuilder sb = new StringBuilder("student");
    for (Exercise e : registry.all()) sb.append(',').append(e.id());
    sb.append(",total\n");
    for (Student s : students) {
      JsonObject f = previous(out, s.name()).orElseThrow(() -> new IllegalStateException("no feedback.json for " + s.name()));
      Map<String, Double> points = new LinkedHashMap<>();
      for (JsonElement e : f.getAsJsonArray("exercises")) {
        JsonObject o = e.getAsJsonObject();
        points.put(o.get("id").getAsString(), o.get("points").getAsDouble());
      }
      sb.append(csvField(s.name()));
      double total = 0;
      for (Exercise e : registry.all()) {
        double p = points.getOrDefault(e.id(), 0.0);
        total += p;
        sb.append(',').append(VerdictFormat.points(p));
      }
      sb.append(',').append(VerdictFormat.points(total)).append('\n');
    }
    return sb.toString();
  }

  private static String csvField(String s) {
    return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }

  private static Optional<JsonObject> previous(Path out, String student) {
    Path f = out.resolve(student).resolve("feedback.json");
    if (!Files.isRegularFile(f)) return Optional.empty();
    try {
      return Optional.of(JsonParser.parseString(Files.readString(f, StandardCharsets.UTF_8)).getAsJsonObject());
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // unreadable: grade again
    }
  }

  private static String string(JsonObject o, String key) {
    return o.has(key) ? o.get(key).getAsString() : "";
  }

  /** A digest of a submission's notebooks: their names and bytes. */
  static String submissionHash(Path notebooks) {
    MessageDigest digest = sha256();
    try (Stream<Path> files = Files.list(notebooks)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList()) {
        digest.update(f.getFileName().toString().getBytes(StandardCharsets.UTF_8));
        digest.update(Files.readAllBytes(f));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + notebooks + ": " + e.getMessage(), e);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /** A digest of the grading code (the graders and everything around them): a change makes every submission count as new. */
  static String gradersHash(ExerciseRegistry registry) {
    MessageDigest digest = sha256();
    for (Exercise e : registry.all()) {
      digest.update((e.id() + e.points() + e.grader().getName() + e.hiddenGraderClass()).getBytes(StandardCharsets.UTF_8));
    }
    try {
      Path code = Path.of(Grading.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (Files.isDirectory(code)) {
        try (Stream<Path> files = Files.walk(code)) {
          for (Path f : files.filter(p -> p.toString().endsWith(".class")).sorted(Comparator.comparing(Path::toString)).toList()) {
            digest.update(Files.readAllBytes(f));
          }
        }
      } else {
        try (InputStream in = Files.newInputStream(code)) {
          digest.update(in.readAllBytes());
        }
      }
    } catch (IOException | java.net.URISyntaxException e) {
      throw new IllegalStateException("could not read the grading code: " + e.getMessage(), e);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
