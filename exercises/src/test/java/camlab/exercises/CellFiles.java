package camlab.exercises;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import camlab.exercises.registry.Exercise;
import camlab.exercises.registry.ExerciseRegistry;
import camlab.exercises.source.ExerciseCell;
import camlab.exercises.source.MarkerLine;
import camlab.exercises.source.Submission;

/** Exercise cells kept as {@code .jsh} files in test resources (wrong answers, hostile cells). */
public final class CellFiles {
  private static final Pattern EXPECT = Pattern.compile("^// expect: (.*)$", Pattern.MULTILINE);
  private static final Pattern SANDBOX = Pattern.compile("^// sandbox: (.*)$", Pattern.MULTILINE);

  private CellFiles() {}

  public static List<Path> list(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(".jsh")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The cell in {@code file} as a submission for the exercise named by its marker. */
  public static Submission submission(ExerciseRegistry registry, Path file) {
    String source = read(file);
    MarkerLine marker = MarkerLine.ofCell(source).orElseThrow(() -> new IllegalArgumentException(file + " has no marker line"));
    return new Submission.Found(registry.require(marker.id()), new ExerciseCell(marker, source, file.getFileName().toString()));
  }

  /**
   * The text after {@code // sandbox:} in the cell: its verdict when only the sandbox stands in its way (no class-file
   * policy) — {@code PASS}, {@code FAIL <text the verdict contains>} or {@code ANY}.
   */
  public static Optional<String> sandboxExpectation(Path file) {
    Matcher m = SANDBOX.matcher(read(file));
    return m.find() ? Optional.of(m.group(1).strip()) : Optional.empty();
  }

  /** The text after {@code // expect:} in the cell: what its verdict message must contain. */
  public static Optional<String> expectation(Path file) {
    Matcher m = EXPECT.matcher(read(file));
    return m.find() ? Optional.of(m.group(1).strip()) : Optional.empty();
  }
}
