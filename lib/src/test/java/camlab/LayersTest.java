package camlab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The library's packages form layers that point one way, read from the compiled classes (so a fully qualified name
 * in the code counts as much as an import). Lowest first; a class may use its own package and the layers before it.
 * Packages in one layer are siblings and do not use each other.
 */
class LayersTest {
  static final List<List<String>> LAYERS = List.of(
      List.of("camlab.util"),
      List.of("camlab.ops.kernels"),
      List.of("camlab.ops"),
      List.of("camlab.data"),
      List.of("camlab.model"),
      List.of("camlab.zoo"),
      List.of("camlab.explain"),
      List.of("camlab.evaluate.localization", "camlab.evaluate.faithfulness", "camlab.evaluate.sanity"),
      List.of("camlab.evaluate"),
      List.of("camlab.viz"),
      List.of("camlab.bench"),
      List.of("camlab.cli"));

  private static JavaClasses library;

  /** The library's compiled classes (not its tests), read once. */
  private static synchronized JavaClasses library() {
    if (library == null) {
      library = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("camlab");
    }
    return library;
  }

  @Test
  void noPackageUsesALaterLayerOrASibling() {
    List<String> violations = violations(library(), "camlab", LAYERS);
    assertEquals(List.of(), violations, "dependencies against the layers (lowest first: " + LAYERS + ")");
  }

  @Test
  void thePackagesHaveNoCycle() {
    SlicesRuleDefinition.slices().matching("camlab.(**)").should().beFreeOfCycles().check(library());
  }

  /** The README's package map names every layer, so readers see the order this test keeps. */
  @Test
  void theReadmeMapsEveryLayer() throws java.io.IOException {
    String readme = java.nio.file.Files.readString(RepositoryFiles.root().resolve("README.md"));
    for (List<String> layer : LAYERS) {
      for (String pkg : layer) assertTrue(readme.contains(pkg), pkg + " is missing from the package map in README.md");
    }
  }

  /** The two checks on a fixture whose lower package uses the higher one: both must fail, naming the dependency. */
  @Test
  void anUpwardImportAndACycleAreFound() {
    JavaClasses fixture = new ClassFileImporter().importPackages("camlab.layerfixture");
    List<List<String>> layers = List.of(List.of("camlab.layerfixture.low"), List.of("camlab.layerfixture.high"));
    List<String> violations = violations(fixture, "camlab.layerfixture", layers);
    assertEquals(1, violations.size(), violations.toString());
    assertTrue(violations.get(0).startsWith("camlab.layerfixture.low.Low -> camlab.layerfixture.high.High"), violations.get(0));
    AssertionError cycle = assertThrows(AssertionError.class,
        () -> SlicesRuleDefinition.slices().matching("camlab.layerfixture.(**)").should().beFreeOfCycles().check(fixture));
    assertTrue(cycle.getMessage().contains("Cycle detected"), cycle.getMessage());
  }

  /** Every dependency of a class under {@code root} on another package under {@code root} that is not in an earlier layer. */
  static List<String> violations(JavaClasses classes, String root, List<List<String>> layers) {
    TreeSet<String> found = new TreeSet<>();
    for (JavaClass origin : classes) {
      if (!origin.getPackageName().startsWith(root)) continue;
      int from = layer(origin.getPackageName(), layers);
      if (from < 0) {
        found.add(origin.getPackageName() + " is in no layer: add it to LayersTest.LAYERS and to the package map in README.md");
        continue;
      }
      for (Dependency d : origin.getDirectDependenciesFromSelf()) {
        String target = d.getTargetClass().getPackageName();
        if (!target.startsWith(root + ".") || target.equals(origin.getPackageName())) continue;
        int to = layer(target, layers);
        if (to < 0 || to >= from) {
          found.add(origin.getName() + " -> " + d.getTargetClass().getName() + " (" + origin.getPackageName()
              + (to == from ? " and " + target + " are siblings" : " is below " + target) + "): " + d.getDescription());
        }
      }
    }
    // one line per pair of classes is enough to find the place
    TreeSet<String> pairs = new TreeSet<>();
    return found.stream().filter(v -> pairs.add(v.split(" \\(")[0])).toList();
  }

  private static int layer(String pkg, List<List<String>> layers) {
    for (int i = 0; i < layers.size(); i++) {
      if (layers.get(i).contains(pkg)) return i;
    }
    return -1;
  }
}
