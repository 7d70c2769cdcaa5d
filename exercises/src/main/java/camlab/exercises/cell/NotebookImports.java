package camlab.exercises.cell;

import java.util.ArrayList;
import java.util.List;

/**
 * The imports every notebook cell sees: the course's kernel extension runs {@link #forKernel()} at startup, and the grader
 * compiles each exercise cell with {@link #forCells()}, so a cell that runs in the notebook compiles in
 * the grader and vice versa.
 *
 * <p>Library packages are listed even before they exist; only those present on the class path are
 * imported (an import of a missing package would fail every cell).
 */
public final class NotebookImports {
  /** Packages imported on demand ({@code import p.*;}). */
  public static final List<String> PACKAGES = List.of(
      "java.util",
      "java.util.function",
      "java.util.stream",
      "java.util.concurrent",
      "java.io",
      "java.math",
      "java.nio.file",
      "java.time",
      "ai.djl.ndarray",
      "ai.djl.ndarray.types",
      "ai.djl.ndarray.index",
      "camlab.ops",
      "camlab.data",
      "camlab.model",
      "camlab.zoo",
      "camlab.explain",
      "camlab.evaluate",
      "camlab.evaluate.localization",
      "camlab.evaluate.faithfulness",
      "camlab.evaluate.sanity",
      "camlab.viz");

  /** Single-type imports. */
  public static final List<String> CLASSES = List.of("camlab.exercises.cell.NotSolvedYet");

  /** Static imports for notebook cells only: exercise cells must not grade themselves. */
  public static final List<String> KERNEL_STATICS = List.of("camlab.exercises.Check.check");

  private NotebookImports() {}

  /** The import statements an exercise cell is compiled with, one per element. */
  public static List<String> forCells() {
    List<String> lines = new ArrayList<>();
    for (String p : PACKAGES) if (isPresent(p)) lines.add("import " + p + ".*;");
    for (String c : CLASSES) lines.add("import " + c + ";");
    return lines;
  }

  /** The import statements the kernel evaluates at startup: {@link #forCells()} plus {@code check(...)}. */
  public static List<String> forKernel() {
    List<String> lines = new ArrayList<>(forCells());
    for (String s : KERNEL_STATICS) lines.add("import static " + s + ";");
    return lines;
  }

  private static boolean isPresent(String pkg) {
    if (pkg.startsWith("java.")) return true;
    ClassLoader loader = NotebookImports.class.getClassLoader();
    return loader.getResource(pkg.replace('.', '/') + "/") != null || loader.getResource(pkg.replace('.', '/')) != null;
  }
}
