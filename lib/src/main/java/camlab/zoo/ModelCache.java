package camlab.zoo;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.engine.Engine;
import camlab.data.FashionMnist;
import camlab.data.LocalizationSet;
import camlab.model.Architectures;
import camlab.model.CheckpointStore;
import camlab.model.Classifier;
import camlab.util.AtomicFile;
import camlab.util.CamLabHome;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Trained models on disk, so notebooks start in seconds after the first run: the course's training, stored by
 * {@link CheckpointStore}.
 *
 * <p>A checkpoint is keyed by everything that determines the weights — architecture, data settings,
 * training settings (including the seed) — and stored in {@code <cache>/models/<architecture>-<hash>/}
 * as {@code model.params} plus {@code info.json} (those settings, the per-epoch history, the test
 * accuracy and the SHA-256 of the parameters). It is written into a temporary folder beside it
 * ({@code <name>.tmp-<pid>-<n>}), forced to disk, and moved into place only when complete. A checkpoint whose
 * parameters do not match their checksum, whose record lacks a field, or that cannot be read, is reported in one
 * line and trained again — never used.
 *
 * <p>A training run is never thrown away: before training starts, the cache is checked to be writable with room
 * for the checkpoint (else a {@link CacheException} says where to point {@code CAMLAB_CACHE}, and nothing is
 * trained); if saving still fails, the weights are saved in a fallback folder that the log names. One training
 * of a checkpoint runs at a time ({@link TrainingLock}): a second one waits, then loads the first one's result.
 * What an interrupted save left behind is found under that lock and reused when complete, else removed
 * ({@link CacheLeftovers}). A read-only cache that already holds the checkpoint is only read.
 */
public final class ModelCache {
  /** Pretty-printed. The key's text decides the folder's name, so its format stays fixed: checkpoints already trained are found. */
  private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();
  /** What {@code info.json} must hold for the checkpoint to be used. */
  private static final List<String> REQUIRED = List.of("architecture", "data", "training", "history", "testImages", "paramsSha256",
      "history.epochs");
  /** Room left for {@code info.json} and the file system's own bookkeeping, beyond the parameters. */
  private static final long SPACE_MARGIN = 64 << 10;

  /** What {@code info.json} holds. */
  public record Info(String architecture, LocalizationSet.Settings data, TrainingSettings training, History history,
      int testImages, String paramsSha256, String created) implements CheckpointStore.Record {
    Info withParamsSha256(String sha256) {
      return new Info(architecture, data, training, history, testImages, sha256, created);
    }
  }

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

  /**
   * The checkpoint folder for these settings: keyed by everything that determines the weights — the architecture and
   * its {@linkplain Architectures#fingerprint structure}, the generator of the data and its settings, and the training
   * settings (including the seed).
   */
  public static Path directory(String architecture, LocalizationSet.Settings data, TrainingSettings training) {
    String structure = Architectures.fingerprint(architecture, data.canvasSize(), FashionMnist.CLASS_NAMES);
    String key = GSON.toJson(new Object[] {architecture, structure, LocalizationSet.GENERATOR_VERSION, data, training});
    return CheckpointStore.directory(CamLabHome.models(), architecture, key);
  }

  /**
   * Loads the checkpoint for these settings, training (and saving) it first when there is none or it is unusable.
   *
   * @throws CacheException before any training, when the cache cannot hold the checkpoint (read-only, full, not a folder)
   */
  public static Trained loadOrTrain(String architecture, LocalizationSet.Settings data, TrainingSettings training,
      Device device, Consumer<String> log) {
    Path dir = directory(architecture, data, training);
    String unusable = null;
    if (Files.isDirectory(dir)) {
      try {
        Trained cached = loaded(dir, device, architecture, log);
        CacheLeftovers.removeIfIdle(dir, architecture, log);
        return cached;
      } catch (IOException | MalformedModelException | RuntimeException e) {
        unusable = why(e); // decided again under the lock: another process may be replacing it right now
      }
    }
    Engine.getInstance().setRandomSeed((int) training.seed());
    Classifier classifier = Architectures.create(architecture, data.canvasSize(), FashionMnist.CLASS_NAMES, device);
    try {
      try {
        requireRoom(dir, architecture, parameterBytes(classifier) + SPACE_MARGIN);
      } catch (CacheException e) {
        if (unusable != null) log.accept("The cached checkpoint " + dir + " is unusable (" + unusable + ").");
        throw e;
      }
      try (TrainingLock lock = TrainingLock.acquire(dir, architecture, log)) {
        CacheLeftovers.recover(dir, architecture, log);
        if (Files.isDirectory(dir)) {
          try {
            Trained found = loaded(dir, device, architecture, log);
            classifier.close();
            return found;
          } catch (IOException | MalformedModelException | RuntimeException e) {
            log.accept("The cached checkpoint " + dir + " is unusable (" + why(e) + "); training the model again.");
          }
        }
        return train(dir, classifier, data, training, log);
      } catch (IOException e) {
        throw new CacheException("Cannot lock " + TrainingLock.fileFor(dir) + " (" + AtomicFile.reason(e) + ") to train " + architecture
            + ". " + pointCacheElsewhere(), e);
      }
    } catch (RuntimeException e) {
      classifier.close();
      throw e;
    }
  }

  private static Trained loaded(Path dir, Device device, String architecture, Consumer<String> log) throws IOException, MalformedModelException {
    Trained loaded = load(dir, device, architecture);
    log.accept(String.format("Loaded %s from %s (test accuracy %.2f %%, trained in %.0f s).",
        architecture, dir, 100 * loaded.testAccuracy(), loaded.info().history().seconds()));
    return loaded;
  }

  private static Trained train(Path dir, Classifier classifier, LocalizationSet.Settings data, TrainingSettings training, Consumer<String> log) {
    String architecture = classifier.architecture();
    log.accept("Training " + architecture + " (" + describe(training) + "); it is cached in " + dir + " for next time.");
    LocalizationSet train = LocalizationSet.of(LocalizationSet.Split.TRAIN, data, training.trainLimit());
    LocalizationSet test = LocalizationSet.of(LocalizationSet.Split.TEST, data, camlab.util.Knobs.evalLimit());
    History history = Training.train(classifier, train, test, training);
    log.accept(String.format("Trained %s in %.0f s: test accuracy %.2f %% on %d images.",
        architecture, history.seconds(), 100 * history.testAccuracy(), test.size()));
    Info info = saveOrRescue(dir, classifier, new Info(architecture, data, training, history, test.size(), null, Instant.now().toString()), log);
    return new Trained(classifier, info);
  }

  /**
   * Saves the checkpoint; when that fails (the disk filled up during training, the cache was removed), saves it
   * in a fallback cache instead and says where, so the training is kept. Only when no location takes it is the
   * model used for this run alone.
   */
  private static Info saveOrRescue(Path dir, Classifier classifier, Info info, Consumer<String> log) {
    IOException failure;
    try {
      return save(dir, classifier, info);
    } catch (IOException e) {
      failure = e;
    }
    for (Path root : rescueRoots()) {
      Path rescued = root.resolve("models").resolve(dir.getFileName());
      try {
        Info saved = save(rescued, classifier, info);
        log.accept(failure.getMessage() + ". The trained weights are safe in " + rescued + ": run with CAMLAB_CACHE=" + root
            + " to use them, or move that folder into " + dir.getParent() + ".");
        return saved;
      } catch (IOException e) {
        // try the next place
      }
    }
    log.accept(failure.getMessage() + ", nor in " + rescueRoots() + ". The trained model serves this run only and will be trained"
        + " again next time; " + pointCacheElsewhere());
    return info;
  }

  /** Fallback caches, tried in order: beside the system's temporary files, then in the home folder. */
  static List<Path> rescueRoots() {
    String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9_.-]", "_");
    return List.of(Path.of(System.getProperty("java.io.tmpdir"), "camlab-rescued-cache-" + user),
        Path.of(System.getProperty("user.home"), "camlab-rescued-cache"));
  }

  /** Checks, before training, that the cache folder can take a checkpoint of {@code needed} bytes, and creates it. */
  static void requireRoom(Path dir, String architecture, long needed) {
    Path models = dir.getParent();
    String refused = "Cannot train " + architecture + ": the model cache " + models;
    String instead = ", so the trained model could not be kept. " + pointCacheElsewhere() + " Nothing was trained.";
    Optional<String> why = AtomicFile.whyNotWritable(models);
    if (why.isPresent()) throw new CacheException(refused + " cannot be written (" + why.get() + ")" + instead);
    try {
      Files.createDirectories(models);
      long free = Files.getFileStore(models).getUsableSpace();
      if (free < needed) {
        throw new CacheException(refused + " has " + kilobytes(free) + " free and the checkpoint needs about " + kilobytes(needed)
            + ", so the trained model could not be kept. Free some space there, or p" + pointCacheElsewhere().substring(1) + " Nothing was trained.");
      }
    } catch (IOException e) {
      throw new CacheException(refused + " cannot be written (" + AtomicFile.reason(e) + ")" + instead, e);
    }
  }

  private static String pointCacheElsewhere() {
    return "Point CAMLAB_CACHE at a writable folder with room (e.g. export CAMLAB_CACHE=$HOME/camlab-cache) and run again.";
  }

  private static String kilobytes(long bytes) {
    return bytes >= 10L << 20 ? (bytes >> 20) + " MB" : Math.max(0, (bytes + 1023) >> 10) + " KB";
  }

  private static long parameterBytes(Classifier classifier) {
    long bytes = 0;
    for (var p : classifier.model().getBlock().getParameters()) {
      if (p.getValue().isInitialized()) bytes += p.getValue().getArray().size() * p.getValue().getArray().getDataType().getNumOfBytes();
    }
    return bytes;
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
    Info info = verify(dir, expected);
    Classifier classifier = Architectures.create(info.architecture(), info.data().canvasSize(), FashionMnist.CLASS_NAMES, device);
    try {
      CheckpointStore.loadParameters(dir, classifier);
    } catch (IOException | MalformedModelException | RuntimeException e) {
      classifier.close();
      throw e;
    }
    return new Trained(classifier, info);
  }

  /** The record of a complete checkpoint folder (see {@link CheckpointStore#verify}). */
  static Info verify(Path dir, String expected) throws IOException {
    return CheckpointStore.verify(dir, Info.class, REQUIRED, expected);
  }

  /** Saves the checkpoint (see {@link CheckpointStore#save}); {@code info}'s checksum is filled in. */
  static Info save(Path dir, Classifier classifier, Info info) throws IOException {
    return CheckpointStore.save(dir, classifier, info::withParamsSha256);
  }

  static String why(Exception e) {
    return CheckpointStore.why(e);
  }
}
