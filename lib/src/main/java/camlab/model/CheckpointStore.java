package camlab.model;

import ai.djl.MalformedModelException;
import camlab.util.AtomicFile;
import camlab.util.InterruptedWork;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/**
 * Checkpoints on disk: a key names a folder, and a folder holds {@code model.params} (a classifier's parameters) and
 * {@code info.json} (the caller's record of them, with the SHA-256 of the parameters). Saving writes a temporary
 * folder beside the checkpoint ({@code <name>.tmp-<pid>-<n>}), forces it to disk and moves it into place only when
 * complete; verifying checks every field the caller requires and the checksum; loading reads verified parameters into
 * a classifier of the same architecture. What the record holds and when to train is the caller's business.
 */
public final class CheckpointStore {
  public static final String PARAMS = "model.params";
  public static final String INFO = "info.json";
  private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

  /** What the store itself reads from a record: whose parameters they are, and their checksum. */
  public interface Record {
    String architecture();

    String paramsSha256();
  }

  private CheckpointStore() {}

  /** The folder of a checkpoint in {@code models}: the architecture and the first 12 hex digits of the key's SHA-256. */
  public static Path directory(Path models, String architecture, String key) {
    return models.resolve(architecture + "-" + sha256(key.getBytes(StandardCharsets.UTF_8)).substring(0, 12));
  }

  /**
   * The record of a checkpoint folder, once it is complete: {@code info.json} holds every {@code required} field
   * (a dotted name such as {@code history.epochs} is checked once the top-level fields are there), names architecture
   * {@code expected} unless that is null, and {@code model.params} matches its SHA-256.
   *
   * @throws IOException saying what is wrong, e.g. {@code info.json lacks "history"}
   */
  public static <R extends Record> R verify(Path dir, Class<R> type, List<String> required, String expected) throws IOException {
    Path infoFile = dir.resolve(INFO);
    if (!Files.isRegularFile(infoFile)) throw new IOException(INFO + " is missing");
    R info;
    try {
      JsonElement json = JsonParser.parseString(Files.readString(infoFile));
      if (!json.isJsonObject()) throw new IOException(INFO + " is not a JSON object");
      JsonObject record = json.getAsJsonObject();
      List<String> missing = missing(record, required.stream().filter(f -> !f.contains(".")).toList());
      if (missing.isEmpty()) missing = missing(record, required.stream().filter(f -> f.contains(".")).toList());
      if (!missing.isEmpty()) throw new IOException(INFO + " lacks " + String.join(", ", missing));
      info = GSON.fromJson(record, type);
    } catch (JsonParseException | IllegalArgumentException | IllegalStateException | NullPointerException e) {
      throw new IOException(INFO + " cannot be read: " + why(e), e);
    }
    if (expected != null && !expected.equals(info.architecture())) {
      throw new IOException(INFO + " describes a " + info.architecture() + " model, not " + expected);
    }
    Path params = dir.resolve(PARAMS);
    if (!Files.isRegularFile(params)) throw new IOException(PARAMS + " is missing");
    String actual = sha256(Files.readAllBytes(params));
    if (!actual.equals(info.paramsSha256())) {
      throw new IOException(PARAMS + " does not match its checksum (" + actual.substring(0, 12) + " vs "
          + info.paramsSha256().substring(0, Math.min(12, info.paramsSha256().length())) + "): the file is truncated or altered");
    }
    return info;
  }

  /** The fields of {@code names} (dotted: a field of an object field) that {@code record} lacks, quoted. */
  private static List<String> missing(JsonObject record, List<String> names) {
    return names.stream().filter(name -> {
      JsonObject object = record;
      String[] parts = name.split("\\.");
      for (int i = 0; i < parts.length - 1; i++) {
        JsonElement inner = object.get(parts[i]);
        if (inner == null || !inner.isJsonObject()) return true;
        object = inner.getAsJsonObject();
      }
      JsonElement value = object.get(parts[parts.length - 1]);
      return value == null || value.isJsonNull();
    }).map(f -> '"' + f + '"').toList();
  }

  /** Reads the parameters of a verified checkpoint folder into {@code classifier}, a fresh model of its architecture. */
  public static void loadParameters(Path dir, Classifier classifier) throws IOException, MalformedModelException {
    byte[] params = Files.readAllBytes(dir.resolve(PARAMS));
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(params))) {
      classifier.model().getBlock().loadParameters(classifier.model().getNDManager(), in);
    }
  }

  /**
   * Writes the checkpoint into a temporary folder beside {@code dir}, forces it to disk, then moves it into place
   * (replacing an unusable one). On failure nothing at {@code dir} changes and no temporary folder is left.
   *
   * @param record the record to write, given the parameters' SHA-256
   * @return the record written
   * @throws IOException "Could not save the checkpoint to DIR: REASON"
   */
  public static <R extends Record> R save(Path dir, Classifier classifier, Function<String, R> record) throws IOException {
    Path tmp = null;
    try {
      Files.createDirectories(dir.getParent());
      tmp = newTemporaryFolder(dir);
      try (InterruptedWork.Registration pending = InterruptedWork.register(tmp)) {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (FileChannel channel = FileChannel.open(tmp.resolve(PARAMS), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new DigestOutputStream(Channels.newOutputStream(channel), digest)))) {
          classifier.model().getBlock().saveParameters(out);
          out.flush();
          channel.force(true);
        }
        R complete = record.apply(HexFormat.of().formatHex(digest.digest()));
        try (FileChannel channel = FileChannel.open(tmp.resolve(INFO), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
          channel.write(ByteBuffer.wrap(GSON.toJson(complete).getBytes(StandardCharsets.UTF_8)));
          channel.force(true);
        }
        InterruptedWork.deleteRecursively(dir); // an unusable checkpoint being replaced
        try {
          Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(tmp, dir);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
          // a process without the lock (an older camlab) finished the same training first; its checkpoint is equally good
        }
        return complete;
      } finally {
        InterruptedWork.deleteRecursively(tmp);
      }
    } catch (IOException e) {
      throw new IOException("Could not save the checkpoint to " + dir + ": " + AtomicFile.reason(e), e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A new temporary folder for a save of {@code checkpoint}, named {@code <name>.tmp-<pid>-<n>} beside it. */
  static Path newTemporaryFolder(Path checkpoint) throws IOException {
    while (true) {
      String suffix = ProcessHandle.current().pid() + "-" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
      try {
        return Files.createDirectory(checkpoint.resolveSibling(temporaryPrefix(checkpoint) + suffix));
      } catch (FileAlreadyExistsException e) {
        // another name
      }
    }
  }

  /** The start of the name of every temporary folder a save of {@code checkpoint} makes: what an interrupted save leaves. */
  public static String temporaryPrefix(Path checkpoint) {
    return checkpoint.getFileName() + ".tmp-";
  }

  /** The SHA-256 of {@code bytes}, in hex. */
  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** An exception's message, or the exception itself when it has none. */
  public static String why(Exception e) {
    return e.getMessage() == null ? e.toString() : e.getMessage();
  }
}
