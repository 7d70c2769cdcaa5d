package camlab.exercises.cell;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NotebookImportsTest {
  @Test
  void cellsSeeTheJavaAndDjlPackagesAndTheStubException() {
    assertTrue(NotebookImports.forCells().contains("import java.util.*;"));
    assertTrue(NotebookImports.forCells().contains("import ai.djl.ndarray.types.*;"));
    assertTrue(NotebookImports.forCells().contains("import camlab.exercises.cell.NotSolvedYet;"));
  }

  @Test
  void onlyLibraryPackagesThatExistAreImported() {
    assertFalse(NotebookImports.forCells().contains("import camlab.nosuchpackage.*;"));
    for (String line : NotebookImports.forCells()) {
      String pkg = line.replace("import ", "").replace(".*;", "").replace(";", "");
      if (pkg.startsWith("camlab.") && line.endsWith(".*;")) {
        assertTrue(getClass().getClassLoader().getResource(pkg.replace('.', '/')) != null, pkg + " is imported but absent");
      }
    }
  }

  @Test
  void theKernelAlsoGetsCheckButCellsDoNot() {
    assertTrue(NotebookImports.forKernel().contains("import static camlab.exercises.Check.check;"));
    assertFalse(NotebookImports.forCells().contains("import static camlab.exercises.Check.check;"));
  }
}
