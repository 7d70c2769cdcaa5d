package camlab.kernel.magic;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;

/**
 * Checks what magics are about to put on the class path. A file that is not a readable jar (empty, cut off, HTML
 * saved under a .jar name) would break the compiler for every later cell, so it is refused with a message first.
 */
final class ClasspathEntries {
  private ClasspathEntries() {}

  static void checkAll(String magic, List<Path> entries) throws MagicError {
    for (Path p : entries) check(magic, p);
  }

  static void check(String magic, Path entry) throws MagicError {
    if (Files.isDirectory(entry)) return;
    try (JarFile jar = new JarFile(entry.toFile())) {
      jar.size();
    } catch (IOException | SecurityException e) {
      throw new MagicError(magic + ": " + entry + " is not a readable jar (" + e.getMessage() + "); nothing was added."
          + " Download or build it again.");
    }
  }
}
