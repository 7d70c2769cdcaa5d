package camlab.util;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Temporary files and folders that must not outlive the JVM: a command stopped with SIGTERM or Ctrl-C (which
 * the {@code ./camlab} wrapper hands to the JVM) removes the ones it was still writing on its way out. A JVM
 * killed with SIGKILL cannot; the next writer of the same target removes what it left (see {@link AtomicFile}
 * and the model cache).
 */
public final class InterruptedWork {
  private static final Set<Path> PENDING = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(InterruptedWork::removeAll, "camlab-remove-temporary-files"));
  }

  private InterruptedWork() {}

  /** Registers {@code path} (a file or a folder) for removal if the JVM exits before {@link Registration#close()}. */
  public static Registration register(Path path) {
    Path absolute = path.toAbsolutePath();
    PENDING.add(absolute);
    return () -> PENDING.remove(absolute);
  }

  /** Ends the registration: the path is now the caller's business again (renamed into place, or deleted). */
  public interface Registration extends AutoCloseable {
    @Override
    void close();
  }

  private static void removeAll() {
    for (Path path : PENDING) {
      try {
        deleteRecursively(path);
      } catch (IOException | RuntimeException e) {
        // the JVM is exiting: a file that cannot be removed now is removed by the next writer
      }
    }
  }

  /** Deletes a file, or a folder with everything in it; nothing happens when it does not exist. */
  public static void deleteRecursively(Path path) throws IOException {
    if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return;
    if (!Files.isDirectory(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      Files.deleteIfExists(path);
      return;
    }
    try (Stream<Path> walk = Files.walk(path)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    }
  }
}
