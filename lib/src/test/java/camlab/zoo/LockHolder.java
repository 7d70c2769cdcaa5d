package camlab.zoo;

import java.nio.file.Path;

/**
 * A second process for {@link ModelCacheTest}: takes the training lock of the checkpoint folder given as argument,
 * prints "locked", and holds it until its standard input closes (or it is killed).
 */
public final class LockHolder {
  private LockHolder() {}

  public static void main(String[] args) throws Exception {
    try (TrainingLock lock = TrainingLock.acquire(Path.of(args[0]), "gap-cnn", System.out::println)) {
      System.out.println("locked");
      System.out.flush();
      while (System.in.read() >= 0) {
        // hold the lock until the test closes our input
      }
    }
  }
}
