package camlab.kernel;

import camlab.kernel.eval.CellFailure;
import camlab.kernel.eval.JavaEvaluator;
import camlab.kernel.eval.SourceOrigin;
import camlab.kernel.install.KernelClassPath;
import camlab.kernel.magic.CellPart;
import camlab.kernel.magic.MagicContext;
import camlab.kernel.magic.Magics;
import camlab.kernel.runtime.MagicResults;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** One cell's way through the kernel: magic lines to {@link Magics}, code runs to the {@link JavaEvaluator}, in order. */
final class CellPipeline implements MagicContext {
  private final JavaEvaluator evaluator;
  private final Magics magics;
  private final Consumer<String> afterCell;
  private final List<Path> added = new ArrayList<>();
  private int executionCount;

  /** @param afterCell sees the code of every cell that ran (or failed), including cells of loaded notebooks */
  CellPipeline(JavaEvaluator evaluator, Magics magics, Consumer<String> afterCell) {
    this.evaluator = evaluator;
    this.magics = magics;
    this.afterCell = afterCell;
  }

  /** Runs a cell; the value is its last expression's, when the last part is code that ends in one. */
  Optional<Object> run(String cell, SourceOrigin origin) throws CellFailure {
    if (origin.kind() == SourceOrigin.Kind.CELL) executionCount = origin.executionCount();
    try {
      return runParts(cell, origin);
    } finally {
      if (origin.kind() == SourceOrigin.Kind.CELL || origin.kind() == SourceOrigin.Kind.NOTEBOOK_CELL) afterCell.accept(cell);
    }
  }

  private Optional<Object> runParts(String cell, SourceOrigin origin) throws CellFailure {
    Optional<Object> value = Optional.empty();
    for (CellPart part : CellPart.split(cell)) {
      String where = "line " + part.firstLine() + " of " + origin.describe(origin.executionCount());
      if (part.inline()) {
        Magics.Valued result = magics.runForValue(part.text(), this, where);
        long id = MagicResults.put(result.value());
        String code = part.assignedTo() + " (" + result.type() + ") " + MagicResults.class.getName() + ".take(" + id + "L);";
        value = evaluator.run(code, origin, part.firstLine());
      } else if (part.magic()) {
        magics.run(part.text(), this, where);
        value = Optional.empty();
      } else {
        value = evaluator.run(part.text(), origin, part.firstLine());
      }
    }
    return value;
  }

  @Override
  public Path workingDirectory() {
    return Path.of("").toAbsolutePath();
  }

  @Override
  public void addToClasspath(Path entry) {
    evaluator.addToClasspath(entry.toAbsolutePath().toString());
    added.add(entry.toAbsolutePath());
  }

  @Override
  public List<Path> classpath() {
    List<Path> all = new ArrayList<>(KernelClassPath.entries());
    all.addAll(added);
    return all;
  }

  @Override
  public void runCell(String cell, SourceOrigin origin) throws CellFailure {
    run(cell, origin);
  }

  @Override
  public int executionCount() {
    return executionCount;
  }
}
