package camlab.util;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files written whole or not at all, and output locations checked before the work that fills them. */
class AtomicFileTest {
  @TempDir Path tmp;

  private List<String> names() throws IOException {
    try (var files = Files.list(tmp)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void writesANewFileAndReplacesAnOldOneWhole() throws IOException {
    Path file = tmp.resolve("a/b/report.json");
    AtomicFile.writeString(file, "first");
    AtomicFile.writeString(file, "second, longer");
    assertEquals("second, longer", Files.readString(file));
    try (var files = Files.list(file.getParent())) {
      assertEquals(List.of(file), files.toList(), "no temporary file is left");
    }
  }

  @Test
  void aWriteThatFailsHalfWayLeavesTheOldFileByteForByte() throws IOException {
    Path file = tmp.resolve("maps.npy");
    byte[] old = "the good old maps".getBytes(StandardCharsets.UTF_8);
    Files.write(file, old);
    AtomicFile.WriteFailedException full = assertThrows(AtomicFile.WriteFailedException.class, () -> AtomicFile.write(file, out -> {
      out.write(new byte[100_000]); // more than the buffer, so part of it reaches the disk
      throw new IOException("No space left on device");
    }));
    assertEquals("Could not write " + file + " (No space left on device); the previous file there is unchanged.", full.getMessage());
    assertArrayEquals(old, Files.readAllBytes(file));
    assertThrows(IllegalStateException.class, () -> AtomicFile.write(file, out -> {
      out.write(1);
      throw new IllegalStateException("a bug in the writer");
    }));
    assertArrayEquals(old, Files.readAllBytes(file));
    assertEquals(List.of("maps.npy"), names(), "no temporary file is left");

    Path fresh = tmp.resolve("new.json");
    IOException nothing = assertThrows(IOException.class, () -> AtomicFile.write(fresh, out -> {
      throw new IOException("Input/output error");
    }));
    assertTrue(nothing.getMessage().endsWith("nothing was written there."), nothing.getMessage());
    assertFalse(Files.exists(fresh));
  }

  @Test
  void temporaryFilesOfAJvmThatIsGoneAreRemovedByTheNextWrite() throws IOException {
    Path file = tmp.resolve("maps.npy");
    Path dead = Files.writeString(tmp.resolve(".maps.npy.9999999999-1f.tmp"), "left by a JVM killed with SIGKILL");
    Path running = Files.writeString(tmp.resolve(".maps.npy." + ProcessHandle.current().pid() + "-2e.tmp"), "another thread's write");
    Path other = Files.writeString(tmp.resolve(".other.npy.9999999999-3d.tmp"), "another target's");
    AtomicFile.writeString(file, "maps");
    assertFalse(Files.exists(dead));
    assertTrue(Files.exists(running) && Files.exists(other), "only the dead writer's files of this target go");
  }

  @Test
  void locationsAreCheckedBeforeTheWorkAndNothingStays() throws IOException {
    AtomicFile.checkWritable(tmp.resolve("not/yet/there/maps.npy"));
    AtomicFile.checkWritableFolder(tmp.resolve("overlays"));
    assertEquals(List.of(), names(), "the check creates nothing");

    Path afile = Files.writeString(tmp.resolve("afile"), "x");
    IOException underFile = assertThrows(IOException.class, () -> AtomicFile.checkWritable(afile.resolve("maps.npy")));
    assertEquals("Cannot write " + afile.resolve("maps.npy") + ": " + afile + " is a file, not a folder.", underFile.getMessage());
    IOException folder = assertThrows(IOException.class, () -> AtomicFile.checkWritable(tmp));
    assertTrue(folder.getMessage().contains("it is a folder; give a file name inside it"), folder.getMessage());
    IOException notFolder = assertThrows(IOException.class, () -> AtomicFile.checkWritableFolder(afile));
    assertEquals("Cannot write into " + afile + ": " + afile + " is a file, not a folder.", notFolder.getMessage());
  }

  @Test
  void aFolderWithoutWritePermissionIsNamedWithTheReason() throws IOException {
    Path locked = Files.createDirectory(tmp.resolve("locked"));
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      Assumptions.assumeFalse(Files.isWritable(locked), "root ignores permissions; the command-line cases use a read-only mount instead");
      IOException e = assertThrows(IOException.class, () -> AtomicFile.checkWritable(locked.resolve("maps.npy")));
      assertEquals("Cannot write " + locked.resolve("maps.npy") + ": " + locked + " is not writable (permission denied).", e.getMessage());
    } finally {
      Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  @Test
  void reasonsAreWordsNotJustAPath() {
    assertEquals("permission denied: /x/y", AtomicFile.reason(new AccessDeniedException("/x/y")));
    assertEquals("Read-only file system: /x/y", AtomicFile.reason(new java.nio.file.FileSystemException("/x/y", null, "Read-only file system")));
    assertEquals("No space left on device", AtomicFile.reason(new IOException("No space left on device")));
    assertEquals("IOException", AtomicFile.reason(new IOException()));
  }
}
