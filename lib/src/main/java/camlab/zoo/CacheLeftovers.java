package camlab.zoo;

import camlab.model.CheckpointStore;
import camlab.util.InterruptedWork;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.function.Consumer;

/**
 * What an interrupted save of a checkpoint leaves behind: a temporary folder {@code <name>.tmp-*} beside it
 * (a JVM killed with SIGKILL, or a power cut, before or during the final rename). Looked at only while holding
 * the checkpoint's {@link TrainingLock}, so no running save is disturbed. A complete one — its record whole and
 * its parameters matching their checksum — becomes the checkpoint when there is no usable one; every other one
 * is removed. Each is reported in one line.
 */
final class CacheLeftovers {
  private CacheLeftovers() {}

  /**
   * Reuses or removes the leftovers of {@code checkpoint}; the caller holds its lock.
   *
   * @return whether a leftover became the checkpoint
   */
  static boolean recover(Path checkpoint, String architecture, Consumer<String> log) {
    boolean recovered = false;
    for (Path leftover : leftovers(checkpoint)) {
      if (!recovered && !usable(checkpoint, architecture)) {
        try {
          ModelCache.verify(leftover, architecture);
          InterruptedWork.deleteRecursively(checkpoint);
          Files.move(leftover, checkpoint, StandardCopyOption.ATOMIC_MOVE);
          log.accept("Recovered the checkpoint " + checkpoint + " from " + leftover.getFileName() + ", which an interrupted run had saved"
              + " completely but not yet moved into place.");
          recovered = true;
          continue;
        } catch (IOException | RuntimeException e) {
          // not complete, or cannot be moved: removed below
        }
      }
      try {
        InterruptedWork.deleteRecursively(leftover);
        log.accept("Removed " + leftover + ", an incomplete checkpoint left by an interrupted run.");
      } catch (IOException e) {
        log.accept("Could not remove " + leftover + ", an incomplete checkpoint left by an interrupted run (" + e.getMessage()
            + "); it is never used, and you can delete it.");
      }
    }
    return recovered;
  }

  /**
   * With a usable checkpoint loaded, removes its leftovers when no training of it is running (its lock is free);
   * a read-only cache, or a lock held elsewhere, leaves them for a later run.
   */
  static void removeIfIdle(Path checkpoint, String architecture, Consumer<String> log) {
    if (leftovers(checkpoint).isEmpty()) return;
    try (TrainingLock lock = TrainingLock.tryAcquire(checkpoint)) {
      if (lock != null) recover(checkpoint, architecture, log);
    } catch (IOException | RuntimeException e) {
      // nothing is lost: the leftovers are never read as the checkpoint
    }
  }

  private static boolean usable(Path checkpoint, String architecture) {
    try {
      ModelCache.verify(checkpoint, architecture);
      return true;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private static List<Path> leftovers(Path checkpoint) {
    String prefix = CheckpointStore.temporaryPrefix(checkpoint);
    try (var siblings = Files.list(checkpoint.getParent())) {
      return siblings.filter(p -> p.getFileName().toString().startsWith(prefix)).sorted().toList();
    } catch (IOException e) {
      return List.of();
    }
  }
}
