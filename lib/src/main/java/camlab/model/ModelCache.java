package camlab.model;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.engine.Engine;
import camlab.data.FashionMnist;
import camlab.data.LocalizationSet;
import camlab.util.CamLabHome;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Trained models on disk, so notebooks start in seconds after the first run.
 *
 * <p>A checkpoint is keyed by everything that determines the weights — architecture, data settings,
 * training settings (including the seed) — and stored in {@code <cache>/models/<architecture>-<hash>/}
 * as {@code model.params} plus {@code info.json} (those settings, the per-epoch history, the test
 * accuracy and the SHA-256 of the parameters). It is written into a temporary folder and moved into
 * place only when complete. A checkpoint whose parameters do not match their checksum, or that cannot
 * be read, is reported and trained again — never used.
 */
public final class ModelCache {
  private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();
  private static final String PARAMS = "model.params";
  private static final String INFO = "info.json";

  /** What {@code info.json} holds. */
  public record Info(String architecture, LocalizationSet.Settings data, TrainingSettings training, History history,
      int testImages, String paramsSha256, String created) {}

  /** A model with its training record; closing it frees the model. */
  public record Trained(Classifier classifier, Info info) implements AutoCloseable {
    public double testAccuracy() {
      return info.history().testAccuracy();
    }

    @Override
    public void close() {
      classifier.close();
    }
  }

  private ModelCache() {}

  /** The checkpoint folder for these settings. */
  public static Path directory(String architecture, LocalizationSet.Settings data, TrainingSettings training) {
    String key = GSON.toJson(new Object[] {architecture, structure(architecture, data.canvasSize()), LocalizationSet.GENERATOR_VERSION, data, training});
    return CamLabHome.models().resolve(architecture + "-" + sha256(key.getBytes(StandardCharsets.UTF_8)).substring(0, 12));
  }

  /** Loads the checkpoint for these settings, training (and saving) it first when there is none or it is corrupt. */
  public static Trained loadOrTrain(String architecture, LocalizationSet.Settings data, TrainingSettings training,
      Device device, Consumer<String> log) {
    Path dir = directory(architecture, data, training);
    if (Files.isDirectory(dir)) {
      try {
        Trained loaded = load(dir, device, architecture);
        log.accept(String.format("Loaded %s from %s (test accuracy %.2f %%, trained in %.0f s).",
            architecture, dir, 100 * loaded.testAccuracy(), loaded.info().history().seconds()));
        return loaded;
      } catch (IOException | MalformedModelException | JsonParseException | IllegalStateException | IllegalArgumentException e) {
        log.accept("The cached checkpoint " + dir + " is unusable (" + (e.getMessage() == null ? e : e.getMessage()) + "); training the model again.");
      }
    }
    log.accept("Training " + architecture + " (" + describe(training) + "); it is cached in " + dir + " for next time.");
    Engine.getInstance().setRandomSeed((int) training.seed());
    Classifier classifier = Architectures.create(architecture, data.canvasSize(), FashionMnist.CLASS_NAMES, device);
    try {
      LocalizationSet train = LocalizationSet.of(LocalizationSet.Split.TRAIN, data, training.trainLimit());
      LocalizationSet test = LocalizationSet.of(LocalizationSet.Split.TEST, data, camlab.util.Knobs.evalLimit());
      History history = Training.train(classifier, train, test, training);
      log.accept(String.format("Trained %s in %.0f s: test accuracy %.2f %% on %d images.",
          architecture, history.seconds(), 100 * history.testAccuracy(), test.size()));
      Info info = save(dir, classifier, new Info(architecture, data, training, history, test.size(), null, Instant.now().toString()));
      return new Trained(classifier, info);
    } catch (RuntimeException e) {
      classifier.close();
      throw e;
    }
  }

  private static final java.util.Map<String, String> STRUCTURES = new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * The names and shapes of an architecture's parameters and the {@linkplain Architectures#blueprint() constants
   * that shape it}, hashed: part of the cache key, so a checkpoint of an older version of an architecture is
   * simply not found (and trained anew) rather than failing to load, or loading into a different network.
   */
  static String structure(String architecture, int canvasSize) {
    return STRUCTURES.computeIfAbsent(architecture + "@" + canvasSize, k -> {
      try (Classifier c = Architectures.create(architecture, canvasSize, FashionMnist.CLASS_NAMES, Device.cpu())) {
        StringBuilder shapes = new StringBuilder(Architectures.blueprint()).append(';');
        c.model().getBlock().getParameters().forEach(p -> shapes.append(p.getKey()).append(p.getValue().getArray().getShape()).append(';'));
        return sha256(shapes.toString().getBytes(StandardCharsets.UTF_8)).substring(0, 12);
      }
    });
  }

  private static String describe(TrainingSettings t) {
    return t.epochs() + " epoch(s), " + (t.trainLimit() > 0 ? t.trainLimit() + " training images" : "all training images")
        + ", batch " + t.batchSize() + ", seed " + t.seed();
  }

  /** Reads a checkpoint folder, verifying the parameters against their recorded SHA-256. */
  public static Trained load(Path dir, Device device) throws IOException, MalformedModelException {
    return load(dir, device, null);
  }

  /** As {@link #load(Path, Device)}, refusing a record of another architecture than {@code expected} (null: any). */
  static Trained load(Path dir, Device device, String expected) throws IOException, MalformedModelException {
    Info info;
    if (!Files.isRegularFile(dir.resolve(INFO))) throw new IOException(INFO + " is missing");
    try {
      info = GSON.fromJson(Files.readString(dir.resolve(INFO)), Info.class);
    } catch (JsonParseException e) {
      throw new IOException(INFO + " is not valid JSON: " + e.getMessage(), e);
    }
    if (info == null || info.architecture() == null || info.data() == null || info.paramsSha256() == null) {
      throw new IOException(INFO + " is incomplete");
    }
    if (expected != null && !expected.equals(info.architecture())) {
      throw new IOException(INFO + " describes a " + info.architecture() + " model, not " + expected);
    }
    if (!Files.isRegularFile(dir.resolve(PARAMS))) throw new IOException(PARAMS + " is missing");
    byte[] params = Files.readAllBytes(dir.resolve(PARAMS));
    String actual = sha256(params);
    if (!actual.equals(info.paramsSha256())) {
      throw new IOException(PARAMS + " does not match its checksum (" + actual.substring(0, 12) + " vs "
          + info.paramsSha256().substring(0, 12) + "): the file is truncated or altered");
    }
    Classifier classifier = Architectures.create(info.architecture(), info.data().canvasSize(), FashionMnist.CLASS_NAMES, device);
    try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(params))) {
      classifier.model().getBlock().loadParameters(classifier.model().getNDManager(), in);
    } catch (IOException | MalformedModelException | RuntimeException e) {
      classifier.close();
      throw e;
    }
    return new Trained(classifier, info);
  }

  /** Writes the checkpoint into a temporary folder, then moves it into place. */
  static Info save(Path dir, Classifier classifier, Info info) {
    try {
      Files.createDirectories(dir.getParent());
      Path tmp = Files.createTempDirectory(dir.getParent(), dir.getFileName() + ".tmp-");
      try {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (OutputStream file = Files.newOutputStream(tmp.resolve(PARAMS));
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new DigestOutputStream(file, digest)))) {
          classifier.model().getBlock().saveParameters(out);
        }
        Info complete = new Info(info.architecture(), info.data(), info.training(), info.history(), info.testImages(),
            HexFormat.of().formatHex(digest.digest()), info.created());
        Files.writeString(tmp.resolve(INFO), GSON.toJson(complete));
        deleteRecursively(dir); // a corrupt checkpoint being replaced
        try {
          Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(tmp, dir);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
          // another process finished the same training first; its checkpoint is equally good
        }
        return complete;
      } finally {
        deleteRecursively(tmp);
      }
    } catch (IOException e) {
      throw new IllegalStateException("Could not save the checkpoint to " + dir + ": " + e.getMessage(), e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void deleteRecursively(Path path) throws IOException {
    if (!Files.exists(path)) return;
    try (Stream<Path> walk = Files.walk(path)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

}
