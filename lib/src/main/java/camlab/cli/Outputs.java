package camlab.cli;

import camlab.util.AtomicFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The files one command reads and writes, checked before any work starts: no output may be one of the inputs
 * (or another output), and every output location must be writable — an existing folder that accepts a file, or
 * one that can be created. Each refusal is one line naming the option, the path and what to do.
 */
final class Outputs {
  private record Entry(String option, Path path, boolean folder) {}

  private final List<Entry> inputs = new ArrayList<>();
  private final List<Entry> outputs = new ArrayList<>();

  /** A file the command reads (ignored when null). */
  Outputs reads(String option, Path file) {
    if (file != null) inputs.add(new Entry(option, file, false));
    return this;
  }

  /** A file the command writes (ignored when null). */
  Outputs writesFile(String option, Path file) {
    if (file != null) outputs.add(new Entry(option, file, false));
    return this;
  }

  /** A folder the command writes files into (ignored when null). */
  Outputs writesFolder(String option, Path folder) {
    if (folder != null) outputs.add(new Entry(option, folder, true));
    return this;
  }

  /** @throws Args.UsageException for the first output that would destroy an input or cannot be written */
  void check() {
    for (int o = 0; o < outputs.size(); o++) {
      Entry out = outputs.get(o);
      for (Entry in : inputs) {
        if (same(out.path(), in.path())) {
          throw new Args.UsageException(out.option() + " " + out.path() + " is the " + in.option() + " file"
              + (out.folder() ? ", not a folder: give a folder for the files it writes, e.g. " + out.option() + " overlays/."
                  : ": writing there would destroy it. Give another file name."));
        }
      }
      for (Entry other : outputs.subList(0, o)) {
        if (same(out.path(), other.path())) {
          throw new Args.UsageException(out.option() + " and " + other.option() + " both name " + out.path() + "; give them different files.");
        }
      }
    }
    for (Entry out : outputs) {
      try {
        if (out.folder()) AtomicFile.checkWritableFolder(out.path());
        else AtomicFile.checkWritable(out.path());
      } catch (IOException e) {
        throw new Args.UsageException(out.option() + ": " + e.getMessage() + " Choose a location you can write to.");
      }
    }
  }

  /** Whether two paths name one file: the same file on disk (through links too), or the same path once normalised. */
  static boolean same(Path a, Path b) {
    try {
      if (Files.exists(a) && Files.exists(b)) return Files.isSameFile(a, b);
    } catch (IOException e) {
      // fall back to comparing the names
    }
    return canonical(a).equals(canonical(b));
  }

  /** The absolute path with its existing folders' links resolved, so "dir/../x" and "link/x" compare equal to "x". */
  private static Path canonical(Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    Path parent = absolute.getParent();
    try {
      return parent == null ? absolute : parent.toRealPath().resolve(absolute.getFileName());
    } catch (IOException e) {
      return absolute;
    }
  }
}
