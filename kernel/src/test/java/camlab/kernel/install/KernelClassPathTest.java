package camlab.kernel.install;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelClassPathTest {
  @TempDir
  Path tmp;

  @Test
  void manifestClassPathEntriesResolveAgainstTheJarFolder() throws Exception {
    Path jar = tmp.resolve("dir with space/camlab-kernel.jar");
    Files.createDirectories(jar.getParent());
    Manifest m = new Manifest();
    m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    m.getMainAttributes().put(Attributes.Name.CLASS_PATH, "lib/api-0.36.0.jar lib/my%20lib.jar");
    try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, m)) {
      j.flush();
    }
    assertEquals(List.of(jar.getParent().resolve("lib/api-0.36.0.jar"), jar.getParent().resolve("lib/my lib.jar")),
        KernelClassPath.manifestClassPath(jar));
  }
}
