package camlab.exercises.instructor;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import camlab.exercises.CourseExercises;
import camlab.exercises.grading.GradeSettings;
import camlab.exercises.source.RepoRoot;

/**
 * The instructor's commands: {@code ./camlab grade SUBMISSION… --out DIR} grades a class, {@code ./camlab release --out DIR}
 * writes the repository the class receives. A mistake in the arguments is one line and exit code 2.
 */
public final class InstructorMain {
  static final String USAGE = """
      usage: ./camlab grade SUBMISSION... --out DIR [--parallel N] [--sandbox auto|bwrap|none]
               grades each SUBMISSION (a student's folder: a clone of the course, or a folder of .ipynb files), hidden tests
               included, and writes DIR/grades.csv and, per student, DIR/<student>/feedback.html, .md, .json and results.json
             ./camlab release --out DIR
               writes the repository a class receives into the new folder DIR: the committed files without solutions/ and
               without the hidden graders""";

  private InstructorMain() {}

  public static void main(String[] args) {
    try {
      System.exit(run(args));
    } catch (IllegalArgumentException e) {
      System.err.println("camlab: " + e.getMessage());
      System.exit(2);
    } catch (IOException e) {
      System.err.println("camlab: " + e.getMessage());
      System.exit(1);
    }
  }

  static int run(String[] args) throws IOException {
    if (args.length == 0 || args[0].equals("help") || args[0].equals("--help")) {
      System.out.println(USAGE);
      return 0;
    }
    String command = args[0];
    List<String> positional = new ArrayList<>();
    Path out = null;
    GradeSettings settings = GradeSettings.fromSystemProperties();
    for (int i = 1; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--out" -> out = Path.of(value(args, ++i, a));
        case "--parallel" -> settings = settings.withParallelism(positive(value(args, ++i, a), a));
        case "--sandbox" -> settings = settings.withSandbox(value(args, ++i, a).toLowerCase(Locale.ROOT));
        default -> {
          if (a.startsWith("--")) throw new IllegalArgumentException("unknown option " + a + " for " + command + "\n" + USAGE);
          positional.add(a);
        }
      }
    }
    if (out == null) throw new IllegalArgumentException(command + " needs --out DIR");
    switch (command) {
      case "grade" -> {
        if (positional.isEmpty()) throw new IllegalArgumentException("grade needs at least one submission folder");
        long start = System.nanoTime();
        List<ClassGrading.Student> students = ClassGrading.students(positional.stream().map(Path::of).toList());
        ClassGrading.Summary s = ClassGrading.grade(students, out, CourseExercises.registry(), settings, System.out);
        System.out.printf("graded %d students (%d unchanged, not graded again) in %.0f s: %s%n", s.graded(), s.unchanged(),
            (System.nanoTime() - start) / 1e9, s.grades());
        return 0;
      }
      case "release" -> {
        if (!positional.isEmpty()) throw new IllegalArgumentException("release takes no other arguments, not " + positional);
        Path root = RepoRoot.find();
        Release.Written w = Release.write(root, out, CourseExercises.registry());
        List<String> problems = Release.problems(out, root, CourseExercises.registry());
        if (!problems.isEmpty()) {
          System.err.println("camlab: the release in " + out + " is not fit to hand out:");
          problems.forEach(p -> System.err.println("  " + p));
          return 1;
        }
        System.out.println("wrote the class's repository to " + out + ": " + w.files() + " files; left out " + w.leftOut().size()
            + " (solutions/, hidden graders, the graders' own tests); no reference answer is in it");
        return 0;
      }
      default -> throw new IllegalArgumentException("unknown command " + command + "\n" + USAGE);
    }
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length || args[i].startsWith("--")) throw new IllegalArgumentException(option + " needs a value");
    return args[i];
  }

  private static int positive(String v, String option) {
    try {
      int n = Integer.parseInt(v);
      if (n > 0) return n;
    } catch (NumberFormatException e) {
      // the message below says what is wanted
    }
    throw new IllegalArgumentException(option + " must be a positive whole number, not " + v);
  }
}
