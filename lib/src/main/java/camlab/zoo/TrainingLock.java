package camlab.zoo;

import camlab.util.InterruptedWork;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * One training of a checkpoint at a time, across processes and threads: {@code <checkpoint>.lock} beside the
 * checkpoint folder, held with an operating-system file lock (so a process that dies, even by SIGKILL, releases
 * it) and removed when released. A second training of the same model waits, saying so once, and then finds the
 * first one's checkpoint.
 *
 * <p>Because the holder removes the file while it still holds the lock, a waiter may wake up holding the lock of a
 * removed file; it then writes its token into the file it locked and reads the path back, and starts over when the
 * two differ, so two processes can never both believe they hold the lock. The channel that read the path back stays
 * open as long as the lock is held: closing any descriptor of a file releases the process's POSIX locks on it.
 */
final class TrainingLock implements AutoCloseable {
  private static final Map<Path, ReentrantLock> IN_THIS_JVM = new ConcurrentHashMap<>();

  private final Path file;
  private final FileChannel channel;
  private final FileChannel check;
  private final ReentrantLock local;
  private final InterruptedWork.Registration pending;
  private final boolean waited;

  private TrainingLock(Path file, FileChannel channel, FileChannel check, ReentrantLock local, boolean waited) {
    this.file = file;
    this.channel = channel;
    this.check = check;
    this.local = local;
    this.pending = InterruptedWork.register(file);
    this.waited = waited;
  }

  /** The lock file of a checkpoint folder. */
  static Path fileFor(Path checkpoint) {
    return checkpoint.resolveSibling(checkpoint.getFileName() + ".lock");
  }

  /**
   * Takes the lock of {@code checkpoint}, waiting as long as another process or thread holds it.
   *
   * @param log told once, when this call has to wait, who holds the lock
   */
  static TrainingLock acquire(Path checkpoint, String what, Consumer<String> log) throws IOException {
    Path file = fileFor(checkpoint).toAbsolutePath().normalize();
    ReentrantLock local = IN_THIS_JVM.computeIfAbsent(file, f -> new ReentrantLock());
    if (local.isHeldByCurrentThread()) throw new IllegalStateException("This thread already holds " + file + "; a training cannot wait for itself.");
    boolean waited = false;
    if (!local.tryLock()) {
      log.accept("Another thread is training " + what + " into " + checkpoint + "; waiting for it to finish, then loading its checkpoint.");
      waited = true;
      local.lock();
    }
    try {
      String token = token();
      while (true) {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
          FileLock lock = channel.tryLock();
          if (lock == null) {
            if (!waited) {
              log.accept("Another camlab process (" + holder(file) + ") is training " + what + " into " + checkpoint
                  + "; waiting for it to finish, then loading its checkpoint.");
              waited = true;
            }
            lock = channel.lock();
          }
          FileChannel check = claim(file, channel, token);
          if (check != null) return new TrainingLock(file, channel, check, local, waited);
          lock.release();
          channel.close();
        } catch (IOException | RuntimeException e) {
          channel.close();
          throw e;
        }
      }
    } catch (IOException | RuntimeException e) {
      local.unlock();
      throw e;
    }
  }

  /** Takes the lock of {@code checkpoint} if nobody holds it, this thread included; null when somebody does. */
  static TrainingLock tryAcquire(Path checkpoint) throws IOException {
    Path file = fileFor(checkpoint).toAbsolutePath().normalize();
    ReentrantLock local = IN_THIS_JVM.computeIfAbsent(file, f -> new ReentrantLock());
    if (local.isHeldByCurrentThread() || !local.tryLock()) return null; // a second channel on the file would drop this JVM's lock
    try {
      String token = token();
      FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      try {
        FileLock lock = channel.tryLock();
        FileChannel check = lock == null ? null : claim(file, channel, token);
        if (check != null) return new TrainingLock(file, channel, check, local, false);
        if (lock != null) lock.release();
        channel.close();
        local.unlock();
        return null;
      } catch (IOException | RuntimeException e) {
        channel.close();
        throw e;
      }
    } catch (IOException | RuntimeException e) {
      if (local.isHeldByCurrentThread()) local.unlock();
      throw e;
    }
  }

  private static String token() {
    return ProcessHandle.current().pid() + " " + Long.toHexString(ThreadLocalRandom.current().nextLong());
  }

  /**
   * Writes {@code token} into the locked file and reads the path back: the open channel that read it when the path
   * still names the locked file, else null (its holder removed it: start over with a new file).
   */
  private static FileChannel claim(Path file, FileChannel channel, String token) throws IOException {
    channel.truncate(0);
    byte[] mine = token.getBytes(StandardCharsets.US_ASCII);
    channel.write(ByteBuffer.wrap(mine), 0);
    FileChannel check;
    try {
      check = FileChannel.open(file, StandardOpenOption.READ);
    } catch (NoSuchFileException e) {
      return null;
    }
    ByteBuffer found = ByteBuffer.allocate(mine.length + 1);
    while (found.hasRemaining() && check.read(found, found.position()) > 0) {
      // read what is there, up to one byte more than the token
    }
    if (found.position() == mine.length && java.util.Arrays.equals(java.util.Arrays.copyOf(found.array(), mine.length), mine)) return check;
    check.close(); // another file: closing it releases nothing of ours
    return null;
  }

  /** "pid 1234", from the lock file, for the waiting message. */
  private static String holder(Path file) {
    try {
      String content = Files.readString(file, StandardCharsets.US_ASCII).strip();
      return content.isEmpty() ? "pid unknown" : "pid " + content.split(" ")[0];
    } catch (IOException e) {
      return "pid unknown";
    }
  }

  /** Whether this lock was held by someone else first: their checkpoint may now be there. */
  boolean waited() {
    return waited;
  }

  @Override
  public void close() {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // a lock file left behind is reused by the next training, never trusted
    }
    try {
      channel.close(); // releases the lock
      check.close();
    } catch (IOException e) {
      // the process's locks on the file go with its last descriptor, and at the latest with the process
    } finally {
      pending.close();
      local.unlock();
    }
  }
}
