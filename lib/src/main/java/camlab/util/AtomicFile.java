package camlab.util;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Files written whole or not at all. The content goes to a temporary file beside the target
 * ({@code .<name>.<pid>-<random>.tmp}), is forced to disk, and only then renamed over the target. Whatever goes
 * wrong — a full disk, a read-only folder, an exception in the writer, a killed JVM — the previous file is left
 * byte for byte as it was, and the exception names the path and the reason. Temporary files of a JVM that was
 * killed are removed by the next write to the same target.
 */
public final class AtomicFile {
  /** What goes into the file. */
  @FunctionalInterface
  public interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  /** A write that failed while the target was being written (as opposed to a location refused up front). */
  public static final class WriteFailedException extends IOException {
    private static final long serialVersionUID = 1L;

    public WriteFailedException(String message, IOException cause) {
      super(message, cause);
    }
  }

  private static final Pattern TEMPORARY = Pattern.compile("\\.(.+)\\.(\\d+)-[0-9a-f]+\\.tmp");
  private static final int PROBE_BYTES = 4096;

  private AtomicFile() {}

  public static void writeString(Path target, String text) throws IOException {
    writeBytes(target, text.getBytes(StandardCharsets.UTF_8));
  }

  public static void writeBytes(Path target, byte[] bytes) throws IOException {
    write(target, out -> out.write(bytes));
  }

  /**
   * Writes {@code target} atomically, creating its folder when needed.
   *
   * @throws WriteFailedException "Could not write PATH (REASON); the previous file there is unchanged." (or "nothing
   *     was written there.")
   */
  public static void write(Path target, Content content) throws IOException {
    Path file = target.toAbsolutePath().normalize();
    boolean existed = Files.exists(file);
    if (Files.isDirectory(file)) throw new IOException("Could not write " + file + ": it is a folder; give a file name inside it.");
    Path tmp;
    try {
      Files.createDirectories(file.getParent());
      removeAbandoned(file);
      tmp = createTemporary(file.getParent(), file.getFileName().toString());
    } catch (IOException e) {
      throw failure(file, e, existed);
    }
    try (InterruptedWork.Registration pending = InterruptedWork.register(tmp)) {
      try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE);
          OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16)) {
        content.writeTo(out);
        out.flush();
        channel.force(true);
      }
      moveIntoPlace(tmp, file);
    } catch (IOException e) {
      deleteQuietly(tmp);
      throw failure(file, e, existed);
    } catch (RuntimeException | Error e) {
      deleteQuietly(tmp);
      throw e;
    }
  }

  /**
   * Checks, before long work starts, that {@code target} can be written: it is not a folder, the nearest existing
   * folder above it is a folder, and a small file can be written there (which catches read-only folders and file
   * systems, missing permissions and a full disk alike). Creates nothing that stays.
   *
   * @throws IOException "Cannot write PATH: REASON."
   */
  public static void checkWritable(Path target) throws IOException {
    Path file = target.toAbsolutePath().normalize();
    if (Files.isDirectory(file)) throw new IOException("Cannot write " + file + ": it is a folder; give a file name inside it.");
    Optional<String> why = whyNotWritable(file.getParent());
    if (why.isPresent()) throw new IOException("Cannot write " + file + ": " + why.get() + ".");
  }

  /** As {@link #checkWritable}, for a folder that files will be written into (it may not exist yet). */
  public static void checkWritableFolder(Path folder) throws IOException {
    Path dir = folder.toAbsolutePath().normalize();
    Optional<String> why = whyNotWritable(dir);
    if (why.isPresent()) throw new IOException("Cannot write into " + dir + ": " + why.get() + ".");
  }

  /**
   * Why no file can be written into {@code folder} (which may not exist yet: then its nearest existing parent is
   * probed), e.g. "/data is not writable (Read-only file system)"; empty when one can.
   */
  public static Optional<String> whyNotWritable(Path folder) {
    Path dir = folder.toAbsolutePath().normalize();
    if (Files.exists(dir) && !Files.isDirectory(dir)) return Optional.of(dir + " is a file, not a folder");
    Path existing = dir;
    while (existing != null && !Files.exists(existing)) existing = existing.getParent();
    if (existing == null) return Optional.of("none of the folders above it exists");
    if (!Files.isDirectory(existing)) return Optional.of(existing + " is a file, not a folder");
    Path probe;
    try {
      probe = createTemporary(existing, "camlab-probe");
    } catch (IOException e) {
      return Optional.of(existing + " is not writable (" + withoutFile(e) + ")");
    }
    try (InterruptedWork.Registration pending = InterruptedWork.register(probe);
        FileChannel channel = FileChannel.open(probe, StandardOpenOption.WRITE)) {
      channel.write(ByteBuffer.allocate(PROBE_BYTES));
      channel.force(false);
      return Optional.empty();
    } catch (IOException e) {
      return Optional.of(existing + " cannot take a file (" + withoutFile(e) + ")");
    } finally {
      deleteQuietly(probe);
    }
  }

  /** The reason an I/O operation failed, in words: the system's own ("No space left on device") where it gave one, and the file. */
  public static String reason(IOException e) {
    String because = withoutFile(e);
    return e instanceof FileSystemException f && f.getFile() != null ? because + ": " + f.getFile() : because;
  }

  /** The reason alone, e.g. for errors about a probe file the user never asked for. */
  private static String withoutFile(IOException e) {
    if (e instanceof FileSystemException f) {
      if (f.getReason() != null) return f.getReason();
      return e instanceof AccessDeniedException ? "permission denied"
          : e instanceof NoSuchFileException ? "no such file or folder"
          : e instanceof FileAlreadyExistsException ? "a file of that name is in the way"
          : e instanceof NotDirectoryException ? "not a folder"
          : e.getClass().getSimpleName();
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private static IOException failure(Path file, IOException e, boolean existed) {
    return new WriteFailedException("Could not write " + file + " (" + reason(e) + "); "
        + (existed ? "the previous file there is unchanged." : "nothing was written there."), e);
  }

  private static Path createTemporary(Path dir, String name) throws IOException {
    while (true) {
      String random = Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
      Path tmp = dir.resolve("." + name + "." + ProcessHandle.current().pid() + "-" + random + ".tmp");
      try {
        return Files.createFile(tmp); // the default permissions, as a plain write would give the file
      } catch (FileAlreadyExistsException e) {
        // another name
      }
    }
  }

  private static void deleteQuietly(Path tmp) {
    try {
      Files.deleteIfExists(tmp);
    } catch (IOException e) {
      // a leftover temporary file is never read as the target, and the next write of the target removes it
    }
  }

  private static void moveIntoPlace(Path tmp, Path file) throws IOException {
    try {
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Removes temporary files for {@code file} whose writer (a JVM on this machine) is gone. */
  private static void removeAbandoned(Path file) {
    String name = file.getFileName().toString();
    try (var siblings = Files.list(file.getParent())) {
      for (Path p : siblings.toList()) {
        Matcher m = TEMPORARY.matcher(p.getFileName().toString());
        if (m.matches() && m.group(1).equals(name) && !alive(Long.parseLong(m.group(2)))) Files.deleteIfExists(p);
      }
    } catch (IOException | RuntimeException e) {
      // a leftover temporary file is never read as the target; failing to remove it changes nothing else
    }
  }

  private static boolean alive(long pid) {
    Optional<ProcessHandle> process = ProcessHandle.of(pid);
    return process.isPresent() && process.get().isAlive();
  }
}
