package camlab.exercises;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import camlab.exercises.source.RepoRoot;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The exercises module's packages form layers that point one way, read from the compiled classes (a fully qualified
 * name in the code counts as much as an import). Lowest first; a class may use its own package and the layers before
 * it; packages in one layer are siblings and do not use each other. What a notebook cell is given sits at the bottom,
 * so the sandbox that compiles cells needs nothing of the grading above it; the commands a user runs sit at the top.
 */
class LayersTest {
  static final List<List<String>> LAYERS = List.of(
      List.of("camlab.exercises.cell"),
      List.of("camlab.exercises.sandbox"),
      List.of("camlab.exercises.registry"),
      List.of("camlab.exercises.graders", "camlab.exercises.source"),
      List.of("camlab.exercises.graders.acol", "camlab.exercises.graders.beyond", "camlab.exercises.graders.cam",
          "camlab.exercises.graders.conv1x1", "camlab.exercises.graders.gap", "camlab.exercises.graders.gradcam",
          "camlab.exercises.graders.localization", "camlab.exercises.graders.trust"),
      List.of("camlab.exercises.grading"),
      List.of("camlab.exercises.report"),
      List.of("camlab.exercises"),
      List.of("camlab.exercises.instructor"));

  private static JavaClasses module;

  /** The module's compiled classes (not its tests), read once. */
  private static synchronized JavaClasses module() {
    if (module == null) {
      module = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("camlab.exercises");
    }
    return module;
  }

  @Test
  void noPackageUsesALaterLayerOrASibling() {
    rule(LAYERS).check(module());
  }

  @Test
  void thePackagesHaveNoCycle() {
    SlicesRuleDefinition.slices().matching("camlab.(**)").should().beFreeOfCycles().check(module());
  }

  @Test
  void everyPackageIsInALayer() {
    TreeSet<String> packages = new TreeSet<>();
    for (JavaClass c : module()) packages.add(c.getPackageName());
    packages.removeAll(LAYERS.stream().flatMap(List::stream).toList());
    assertEquals(new TreeSet<>(), packages, "packages in no layer: add them to LayersTest.LAYERS and exercises/README.md");
  }

  /** The module README's package map names every layer, so readers see the order this test keeps. */
  @Test
  void theReadmeMapsEveryLayer() throws IOException {
    Path readme = RepoRoot.find().resolve("exercises").resolve("README.md");
    String text = Files.readString(readme);
    for (List<String> layer : LAYERS) {
      for (String pkg : layer) assertTrue(text.contains("`" + pkg + "`"), pkg + " is missing from the package map in " + readme);
    }
  }

  /**
   * The rule can fail: with the notebook-facing package put above grading, grading's use of it is an upward import; and
   * report, which uses grading, cannot be its sibling.
   */
  @Test
  void aDependencyAgainstTheLayersIsFound() {
    AssertionError upward = assertThrows(AssertionError.class,
        () -> rule(List.of(List.of("camlab.exercises.grading"), List.of("camlab.exercises.cell"))).check(module()));
    assertTrue(upward.getMessage().contains("camlab.exercises.cell.NotSolvedYet"), upward.getMessage());
    AssertionError siblings = assertThrows(AssertionError.class,
        () -> rule(List.of(List.of("camlab.exercises.grading", "camlab.exercises.report"))).check(module()));
    assertTrue(siblings.getMessage().contains("camlab.exercises.report"), siblings.getMessage());
  }

  /** Each package a layer of its own name, allowed to use every package of the layers before its own. */
  static LayeredArchitecture rule(List<List<String>> layers) {
    LayeredArchitecture architecture = layeredArchitecture().consideringOnlyDependenciesInLayers().withOptionalLayers(true);
    for (List<String> layer : layers) {
      for (String pkg : layer) architecture = architecture.layer(pkg).definedBy(pkg);
    }
    List<String> below = new ArrayList<>();
    for (List<String> layer : layers) {
      for (String pkg : layer) {
        architecture = below.isEmpty() ? architecture.whereLayer(pkg).mayNotAccessAnyLayer()
            : architecture.whereLayer(pkg).mayOnlyAccessLayers(below.toArray(String[]::new));
      }
      below.addAll(layer);
    }
    return architecture;
  }
}
