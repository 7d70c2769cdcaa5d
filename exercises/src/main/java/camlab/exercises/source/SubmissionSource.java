package camlab.exercises.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import camlab.exercises.registry.Exercise;
import camlab.exercises.registry.ExerciseRegistry;

/**
 * Where answers are read from: the working-tree notebooks (what the student saved), the notebooks as
 * committed (what CI checks is all TODO), {@code solutions/}, or any directory of notebooks (solved copies).
 * Student files are only read, never written.
 */
public final class SubmissionSource {
  private final String description;
  private final Function<Exercise, String> fileOf;
  private final Function<String, Optional<String>> read;
  private final boolean solutionsFormat;
  private final boolean missingFileIsTodo;

  private SubmissionSource(String description, Function<Exercise, String> fileOf, Function<String, Optional<String>> read,
      boolean solutionsFormat, boolean missingFileIsTodo) {
    this.description = description;
    this.fileOf = fileOf;
    this.read = read;
    this.solutionsFormat = solutionsFormat;
    this.missingFileIsTodo = missingFileIsTodo;
  }

  /**
   * The source named by {@code -Dcamlab.grade}: {@code notebooks} (default), {@code solutions}, {@code committed},
   * or a directory of notebooks (relative paths resolve against the repository root).
   */
  public static SubmissionSource fromSetting(String setting, Path root) {
    String s = setting == null || setting.isBlank() ? "notebooks" : setting.strip();
    switch (s) {
      case "notebooks": return notebooks(root.resolve("notebooks"), root, true);
      case "solutions": return solutions(root.resolve("solutions"), root);
      case "committed": return committedNotebooks(root);
      default:
        Path dir = root.resolve(s).normalize();
        if (!Files.isDirectory(dir)) {
          throw new IllegalArgumentException("-Dcamlab.grade=" + s + ": " + dir + " is not a directory; use notebooks, "
              + "solutions, committed, or a directory of notebooks");
        }
        return notebooks(dir, root, false);
    }
  }

  /** Notebooks in {@code dir}; a missing notebook is TODO if {@code missingIsTodo}, else unreadable. */
  public static SubmissionSource notebooks(Path dir, Path root, boolean missingIsTodo) {
    return new SubmissionSource(display(dir, root), e -> display(dir.resolve(e.notebook()), root),
        file -> readFile(dir.resolve(Path.of(file).getFileName().toString())), false, missingIsTodo);
  }

  /** {@code solutions/NN-name.jsh} files in {@code dir}. */
  public static SubmissionSource solutions(Path dir, Path root) {
    return new SubmissionSource(display(dir, root), e -> display(dir.resolve(e.solutionsFile()), root),
        file -> readFile(dir.resolve(Path.of(file).getFileName().toString())), true, false);
  }

  /** The notebooks as committed at HEAD (so a student's edits don't matter); the working tree outside a git checkout. */
  public static SubmissionSource committedNotebooks(Path root) {
    if (!Git.isCheckout(root)) return notebooks(root.resolve("notebooks"), root, true);
    return new SubmissionSource("notebooks at git HEAD", e -> "notebooks/" + e.notebook(),
        file -> Git.showHead(root, file), false, true);
  }

  public String description() {
    return description;
  }

  /** One submission per registered exercise, in registry order. Each file is read and parsed once. */
  public List<Submission> collect(ExerciseRegistry registry) {
    Map<String, FileCells> files = new HashMap<>();
    List<Submission> submissions = new ArrayList<>();
    for (Exercise e : registry.all()) {
      FileCells cells = files.computeIfAbsent(fileOf.apply(e), this::load);
      submissions.add(cells.submissionFor(e));
    }
    return submissions;
  }

  /** The submission for one exercise. */
  public Submission collect(Exercise exercise) {
    return load(fileOf.apply(exercise)).submissionFor(exercise);
  }

  private FileCells load(String file) {
    Optional<String> text = read.apply(file);
    if (text.isEmpty()) return FileCells.missing(file, missingFileIsTodo);
    if (solutionsFormat) return FileCells.of(file, SolutionsFile.sections(text.get(), file));
    try {
      return FileCells.of(file, NotebookFile.exerciseCells(NotebookFile.parse(text.get(), file), file));
    } catch (NotebookFormatException e) {
      return FileCells.broken(file, e.getMessage() + ": fix it in a text editor, or copy your answers out and restore it with `git checkout -- "
          + file + "`");
    }
  }

  private static Optional<String> readFile(Path file) {
    if (!Files.isRegularFile(file)) return Optional.empty();
    try {
      return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private static String display(Path path, Path root) {
    Path abs = path.toAbsolutePath().normalize();
    return abs.startsWith(root) ? root.relativize(abs).toString().replace('\\', '/') : abs.toString();
  }

  /** The exercise cells of one file, or why there are none. */
  private record FileCells(String file, List<ExerciseCell> cells, String problem, boolean problemIsTodo) {
    static FileCells of(String file, List<ExerciseCell> cells) {
      return new FileCells(file, cells, null, false);
    }

    static FileCells missing(String file, boolean todo) {
      return new FileCells(file, List.of(), file + " does not exist", todo);
    }

    static FileCells broken(String file, String problem) {
      return new FileCells(file, List.of(), problem, false);
    }

    Submission submissionFor(Exercise e) {
      if (problem != null) {
        return problemIsTodo ? new Submission.NotStarted(e, problem) : new Submission.Unreadable(e, problem);
      }
      // The last cell wins, as when the notebook is run top to bottom.
      ExerciseCell last = null;
      for (ExerciseCell c : cells) if (c.id().equals(e.id())) last = c;
      if (last == null) {
        return new Submission.Unreadable(e, file + " has no cell starting with `// EXERCISE " + e.id()
            + "`: restore the exercise cell (its marker line must stay the cell's first line)");
      }
      return new Submission.Found(e, last);
    }
  }
}
