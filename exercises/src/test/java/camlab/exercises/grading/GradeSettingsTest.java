package camlab.exercises.grading;

import java.io.File;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GradeSettingsTest {
  @AfterEach
  void clear() {
    System.clearProperty("camlab.grade.timeout");
  }

  @Test
  void defaultsAndOverrides() {
    assertEquals(60, GradeSettings.fromSystemProperties().timeout().toSeconds());
    System.setProperty("camlab.grade.timeout", "5");
    assertEquals(5, GradeSettings.fromSystemProperties().timeout().toSeconds());
    System.setProperty("camlab.grade.timeout", "soon");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, GradeSettings::fromSystemProperties);
    assertEquals("-Dcamlab.grade.timeout must be a positive whole number, not \"soon\"", e.getMessage());
  }

  @Test
  void theBuildsJvmFlagsArePassedOn() {
    // surefire gets camlab.jvmArgs from the POM: the grading JVMs must get DJL's settings from there
    assertTrue(GradeSettings.jvmFlagsOfThisSetup().contains("-Dai.djl.offline=true"), GradeSettings.jvmFlagsOfThisSetup()::toString);
    assertTrue(GradeSettings.jvmFlagsOfThisSetup().stream().anyMatch(f -> f.startsWith("-XX:MaxDirectMemorySize=")));
    assertTrue(GradeSettings.jvmFlagsOfThisSetup().contains("-XX:TrimNativeHeapInterval=5000"), GradeSettings.jvmFlagsOfThisSetup()::toString);
  }

  @Test
  void withoutThePropertyTheLibrarysJvmOptionsAreUsed() {
    String configured = System.getProperty("camlab.jvmArgs");
    System.clearProperty("camlab.jvmArgs");
    try {
      assertTrue(GradeSettings.jvmFlagsOfThisSetup().contains("-Dai.djl.offline=true"), GradeSettings.jvmFlagsOfThisSetup()::toString);
    } finally {
      if (configured != null) System.setProperty("camlab.jvmArgs", configured);
    }
  }

  @Test
  void classPathEntriesBecomeAbsolute() {
    String cp = GradeSettings.absolute("a.jar" + File.pathSeparator + "/x/b.jar");
    assertEquals(Path.of("a.jar").toAbsolutePath() + File.pathSeparator + "/x/b.jar", cp);
  }
}
