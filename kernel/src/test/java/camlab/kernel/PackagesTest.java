package camlab.kernel;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import org.junit.jupiter.api.Test;

/**
 * The kernel's packages use each other one way only, read from the compiled classes (a fully qualified name in the
 * code counts as much as an import): a package that needs one above it is a cycle, and this test names its classes.
 */
class PackagesTest {
  @Test
  void thePackagesHaveNoCycle() {
    JavaClasses kernel = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("camlab.kernel");
    SlicesRuleDefinition.slices().matching("camlab.(**)").should().beFreeOfCycles().check(kernel);
  }
}
