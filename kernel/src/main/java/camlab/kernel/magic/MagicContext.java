package camlab.kernel.magic;

import camlab.kernel.eval.CellFailure;
import camlab.kernel.eval.SourceOrigin;
import java.nio.file.Path;
import java.util.List;

/** What magics may do to the kernel. */
public interface MagicContext {

  /** The directory relative paths start from: the notebook's folder (Jupyter starts the kernel there). */
  Path workingDirectory();

  /** Makes a jar or class folder visible to the following code (compiler and class loader). */
  void addToClasspath(Path entry);

  /** The kernel JVM's class path plus the entries magics added. */
  List<Path> classpath();

  /** Runs {@code cell} (code and magics) as if it were a cell from {@code origin}. */
  void runCell(String cell, SourceOrigin origin) throws CellFailure;

  /** The execution count of the running cell. */
  int executionCount();
}
