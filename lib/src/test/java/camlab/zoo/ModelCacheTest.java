package camlab.zoo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import camlab.TestDevice;
import camlab.data.FashionMnist;
import camlab.data.LocalizationSet;
import camlab.model.Architectures;
import camlab.model.Classifier;
import camlab.model.GlobalAveragePooling;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The model cache with a tiny training run (64 images, one epoch, about a second): train once then load, corrupt
 * or incomplete checkpoints, a cache that cannot be written, a save that fails after training, what an
 * interrupted save leaves, and two trainings of one model at the same time.
 */
@Tag(TestDevice.ENGINE)
class ModelCacheTest {
  private static final TrainingSettings TINY = new TrainingSettings(1, 32, 2e-3f, 3, 64);
  @TempDir Path cache;
  private String previous;

  @BeforeEach
  void useTemporaryCache() {
    previous = System.getProperty("camlab.cache");
    System.setProperty("camlab.cache", cache.toString());
    System.setProperty("camlab.eval.limit", "64");
  }

  @AfterEach
  void restore() {
    if (previous == null) System.clearProperty("camlab.cache");
    else System.setProperty("camlab.cache", previous);
    System.clearProperty("camlab.eval.limit");
  }

  private static float[] logitsOf(ModelCache.Trained t) {
    LocalizationSet test = LocalizationSet.of(LocalizationSet.Split.TEST, LocalizationSet.Settings.DEFAULT, 4);
    try (NDManager m = TestDevice.manager()) {
      NDArray images = test.batch(m, 0, 4).get(0);
      return t.classifier().logits(images).toFloatArray();
    }
  }

  @Test
  void trainsOnceThenLoadsTheSameWeightsWithTheirRecord() throws Exception {
    List<String> log = new ArrayList<>();
    float[] trainedLogits;
    Path dir;
    try (ModelCache.Trained first = ModelCache.loadOrTrain("gap-cnn", LocalizationSet.Settings.DEFAULT, TINY, TestDevice.get(), log::add)) {
      trainedLogits = logitsOf(first);
      dir = ModelCache.directory("gap-cnn", LocalizationSet.Settings.DEFAULT, TINY);
      assertTrue(Files.isRegularFile(dir.resolve("model.params")) && Files.isRegularFile(dir.resolve("info.json")));
      assertEquals(1, first.info().history().epochs().size());
      assertEquals(64, first.info().testImages());
    }
    assertTrue(log.get(0).startsWith("Training gap-cnn"), log.toString());
    log.clear();
    try (ModelCache.Trained second = ModelCache.loadOrTrain("gap-cnn", LocalizationSet.Settings.DEFAULT, TINY, TestDevice.get(), log::add)) {
      assertTrue(log.get(0).startsWith("Loaded gap-cnn"), log.toString());
      assertArrayEquals(trainedLogits, logitsOf(second), 1e-6f);
    }
    try (var leftovers = Files.list(dir.getParent())) {
      assertTrue(leftovers.noneMatch(p -> p.getFileName().toString().contains(".tmp-")), "no temporary folder is left behind");
    }
  }

  @Test
  void aCorruptCheckpointIsReportedAndRetrainedNeverUsed() throws Exception {
    try (ModelCache.Trained first = ModelCache.loadOrTrain("gap-cnn", LocalizationSet.Settings.DEFAULT, TINY, TestDevice.get(), line -> {})) {
      first.classifier();
    }
    Path params = ModelCache.directory("gap-cnn", LocalizationSet.Settings.DEFAULT, TINY).resolve("model.params");
    byte[] bytes = Files.readAllBytes(params);
    bytes[bytes.length / 2] ^= 0x5a; // one flipped byte somewhere in the weights
    Files.write(params, bytes);
    List<String> log = new ArrayList<>();
    try (ModelCache.Trained again = ModelCache.loadOrTrain("gap-cnn", LocalizationSet.Settings.DEFAULT, TINY, TestDevice.get(), log::add)) {
      assertTrue(log.get(0).contains("unusable") && log.get(0).contains("checksum"), log.toString());
      assertTrue(log.get(1).startsWith("Training gap-cnn"), log.toString());
      assertTrue(again.testAccuracy() >= 0);
    }
    try (ModelCache.Trained loaded = ModelCache.loadOrTrain("gap-cnn", LocalizationSet.Settings.DEFAULT, TINY, TestDevice.get(), log::add)) {
      assertTrue(log.get(log.size() - 1).startsWith("Loaded"), "the retrained checkpoint is good again: " + log);
    }
  }

  @Test
  void aCheckpointWhoseRecordNamesAnotherArchitectureIsRetrained() throws Exception {
    try (ModelCache.Trained first = ModelCache.loadOrTrain("gap-cnn", LocalizationSet.Settings.DEFAULT, TINY, TestDevice.get(), line -> {})) {
      first.classifier();
    }
    Path info = ModelCache.directory("gap-cnn", LocalizationSet.Settings.DEFAULT, TINY).resolve("info.json");
    Files.writeString(info, Files.readString(info).replace("\"architecture\": \"gap-cnn\"", "\"architecture\": \"fc-cnn\""));
    List<String> log = new ArrayList<>();
    try (ModelCache.Trained again = ModelCache.loadOrTrain("gap-cnn", LocalizationSet.Settings.DEFAULT, TINY, TestDevice.get(), log::add)) {
      assertTrue(log.get(0).contains("unusable") && log.get(0).contains("not gap-cnn"), log.toString());
      assertEquals("gap-cnn", again.info().architecture());
    }
  }

  /** A head whose saving writes part of its bytes and then fails, as a full disk would. */
  private static Classifier failsWhileSaving() {
    LambdaBlock diskFull = new LambdaBlock(x -> x) {
      @Override
      public void saveParameters(DataOutputStream os) throws IOException {
        os.write(new byte[4096]);
        throw new IOException("No space left on device");
      }
    };
    SequentialBlock head = new SequentialBlock().add(new GlobalAveragePooling()).add(Linear.builder().setUnits(10).build()).add(diskFull);
    return Classifier.create("gap-cnn", new LambdaBlock(x -> x), head, new Shape(3, 8, 8), FashionMnist.CLASS_NAMES, TestDevice.get());
  }

  @Test
  void aFailedSaveLeavesTheOldCheckpointIntact() throws Exception {
    Path dir = ModelCache.directory("gap-cnn", LocalizationSet.Settings.DEFAULT, TINY);
    History history = new History(List.of(new History.Epoch(1, 2.0, 0.1, 1.0)), 0.1, 1.0);
    ModelCache.Info record = new ModelCache.Info("gap-cnn", LocalizationSet.Settings.DEFAULT, TINY, history, 0, null, "now");
    try (Classifier untrained = Architectures.create("gap-cnn", LocalizationSet.Settings.DEFAULT.canvasSize(), FashionMnist.CLASS_NAMES, TestDevice.get())) {
      ModelCache.save(dir, untrained, record);
    }
    byte[] params = Files.readAllBytes(dir.resolve("model.params"));
    String info = Files.readString(dir.resolve("info.json"));

    try (Classifier failing = failsWhileSaving()) {
      IOException e = assertThrows(IOException.class, () -> ModelCache.save(dir, failing, record));
      assertTrue(e.getMessage().contains("Could not save the checkpoint to " + dir) && e.getMessage().contains("No space left"), e.getMessage());
    }
    assertArrayEquals(params, Files.readAllBytes(dir.resolve("model.params")), "the old parameters are untouched");
    Path tmp = Files.createTempDirectory(cache, "half-deleted");
    java.io.IOException missing = assertThrows(java.io.IOException.class, () -> ModelCache.load(tmp, TestDevice.get()));
    assertTrue(missing.getMessage().contains("info.json is missing"), missing.getMessage());
    Files.delete(tmp);
    assertEquals(info, Files.readString(dir.resolve("info.json")));
    try (var leftovers = Files.list(dir.getParent())) {
      assertEquals(List.of(dir), leftovers.toList(), "no temporary folder is left behind");
    }
    try (ModelCache.Trained loaded = ModelCache.load(dir, TestDevice.get())) {
      assertEquals("gap-cnn", loaded.info().architecture(), "and it still loads");
    }
  }

  @Test
  void theKeyChangesWithEverySettingThatChangesTheWeights() {
    Path base = ModelCache.directory("gap-cnn", LocalizationSet.Settings.DEFAULT, TINY);
    assertTrue(!base.equals(ModelCache.directory("fc-cnn", LocalizationSet.Settings.DEFAULT, TINY)));
    assertTrue(!base.equals(ModelCache.directory("gap-cnn", LocalizationSet.Settings.DEFAULT.withSeed(1), TINY)));
    assertTrue(!base.equals(ModelCache.directory("gap-cnn", LocalizationSet.Settings.DEFAULT, TINY.withEpochs(2))));
    assertTrue(!base.equals(ModelCache.directory("gap-cnn", LocalizationSet.Settings.DEFAULT, TINY.withTrainLimit(65))));
    assertEquals(base, ModelCache.directory("gap-cnn", LocalizationSet.Settings.DEFAULT, new TrainingSettings(1, 32, 2e-3f, 3, 64)));
  }

  private static ModelCache.Trained train(List<String> log) {
    return ModelCache.loadOrTrain("gap-cnn", LocalizationSet.Settings.DEFAULT, TINY, TestDevice.get(), line -> {
      synchronized (log) {
        log.add(line);
      }
    });
  }

  private static Path tinyDir() {
    return ModelCache.directory("gap-cnn", LocalizationSet.Settings.DEFAULT, TINY);
  }

  private static List<String> leftovers(Path models) throws IOException {
    try (var files = Files.list(models)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.contains(".tmp-") || n.endsWith(".lock")).toList();
    }
  }

  @Test
  void aCacheThatCannotBeWrittenIsRefusedBeforeTrainingNamingCamlabCache() throws Exception {
    Path file = Files.writeString(cache.resolve("a-file"), "not a folder");
    System.setProperty("camlab.cache", file.resolve("cache").toString());
    List<String> log = new ArrayList<>();
    CacheException e = assertThrows(CacheException.class, () -> train(log));
    assertTrue(e.getMessage().startsWith("Cannot train gap-cnn: the model cache " + file.resolve("cache/models") + " cannot be written ("
        + file + " is a file, not a folder)"), e.getMessage());
    assertTrue(e.getMessage().contains("Point CAMLAB_CACHE at a writable folder") && e.getMessage().endsWith("Nothing was trained."), e.getMessage());
    assertEquals(1, e.getMessage().lines().count());
    assertTrue(log.stream().noneMatch(l -> l.startsWith("Training")), log.toString());
  }

  @Test
  void whenSavingFailsAfterTrainingTheWeightsAreKeptInAFallbackThatTheLogNames() throws Exception {
    String tmpdir = System.getProperty("java.io.tmpdir");
    System.setProperty("java.io.tmpdir", cache.resolve("system-tmp").toString());
    try {
      Path models = tinyDir().getParent();
      List<String> log = new ArrayList<>();
      float[] trained;
      // the cache goes away while the model trains: its folder becomes a file, as a disk swapped under us would
      try (ModelCache.Trained t = ModelCache.loadOrTrain("gap-cnn", LocalizationSet.Settings.DEFAULT, TINY, TestDevice.get(), line -> {
        log.add(line);
        if (line.startsWith("Training")) {
          try {
            Files.move(models, models.resolveSibling("models-gone"));
            Files.writeString(models, "in the way");
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        }
      })) {
        trained = logitsOf(t);
      }
      Path root = ModelCache.rescueRoots().get(0);
      String rescued = log.stream().filter(l -> l.contains("safe in")).findFirst().orElseThrow(() -> new AssertionError(log.toString()));
      assertTrue(rescued.startsWith("Could not save the checkpoint to " + tinyDir()), rescued);
      assertTrue(rescued.contains("The trained weights are safe in " + root.resolve("models").resolve(tinyDir().getFileName())
          + ": run with CAMLAB_CACHE=" + root + " to use them"), rescued);
      System.setProperty("camlab.cache", root.toString());
      log.clear();
      try (ModelCache.Trained again = train(log)) {
        assertTrue(log.get(0).startsWith("Loaded gap-cnn"), log.toString());
        assertArrayEquals(trained, logitsOf(again), 0f, "the very weights that were trained");
      }
    } finally {
      System.setProperty("java.io.tmpdir", tmpdir);
    }
  }

  @Test
  void aRecordThatLacksAFieldIsReportedInOneLineAndTrainedAgain() throws Exception {
    try (ModelCache.Trained first = train(new ArrayList<>())) {
      first.classifier();
    }
    Path info = tinyDir().resolve("info.json");
    com.google.gson.JsonObject record = com.google.gson.JsonParser.parseString(Files.readString(info)).getAsJsonObject();
    record.remove("history");
    Files.writeString(info, record.toString());
    List<String> log = new ArrayList<>();
    try (ModelCache.Trained again = train(log)) {
      assertEquals("The cached checkpoint " + tinyDir() + " is unusable (info.json lacks \"history\"); training the model again.", log.get(0));
      assertTrue(log.get(1).startsWith("Training gap-cnn"), log.toString());
      assertTrue(again.testAccuracy() >= 0);
    }
    log.clear();
    try (ModelCache.Trained loaded = train(log)) {
      assertTrue(log.get(0).startsWith("Loaded gap-cnn"), log.toString());
    }
  }

  @Test
  void aCompleteCheckpointLeftInItsTemporaryFolderIsRecoveredNotTrainedAgain() throws Exception {
    float[] expected;
    try (ModelCache.Trained first = train(new ArrayList<>())) {
      expected = logitsOf(first);
    }
    Path left = tinyDir().resolveSibling(tinyDir().getFileName() + ".tmp-123456789");
    Files.move(tinyDir(), left); // killed between the last write and the rename
    List<String> log = new ArrayList<>();
    try (ModelCache.Trained recovered = train(log)) {
      assertEquals(2, log.size(), log.toString());
      assertTrue(log.get(0).startsWith("Recovered the checkpoint " + tinyDir() + " from " + left.getFileName()), log.toString());
      assertTrue(log.get(1).startsWith("Loaded gap-cnn"), log.toString());
      assertArrayEquals(expected, logitsOf(recovered), 0f);
    }
    assertEquals(List.of(), leftovers(tinyDir().getParent()));
  }

  @Test
  void anIncompleteLeftoverIsRemovedInOneLineEvenWhenTheCheckpointIsGood() throws Exception {
    try (ModelCache.Trained first = train(new ArrayList<>())) {
      first.classifier();
    }
    Path left = Files.createDirectory(tinyDir().resolveSibling(tinyDir().getFileName() + ".tmp-987654321"));
    Files.write(left.resolve("model.params"), new byte[1000]); // killed while writing the parameters
    List<String> log = new ArrayList<>();
    try (ModelCache.Trained loaded = train(log)) {
      assertTrue(log.get(0).startsWith("Loaded gap-cnn"), log.toString());
      assertEquals("Removed " + left + ", an incomplete checkpoint left by an interrupted run.", log.get(1));
    }
    assertEquals(List.of(), leftovers(tinyDir().getParent()));
  }

  /** Starts a second JVM that takes the training lock of the tiny checkpoint and holds it until its input closes. */
  private Process holdLockInAnotherProcess() throws IOException {
    Files.createDirectories(tinyDir().getParent());
    Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        System.getProperty("java.class.path"), LockHolder.class.getName(), tinyDir().toString()).redirectErrorStream(true).start();
    String first = new java.io.BufferedReader(new java.io.InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8)).readLine();
    assertEquals("locked", first);
    return holder;
  }

  @Test
  void aSecondTrainingOfTheSameModelWaitsForTheFirstThenLoadsIt() throws Exception {
    Process other = holdLockInAnotherProcess();
    List<String> log = new ArrayList<>();
    java.util.concurrent.CompletableFuture<float[]> second = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
      try (ModelCache.Trained t = train(log)) {
        return logitsOf(t);
      }
    });
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (log.stream().noneMatch(l -> l.contains("is training gap-cnn"))) {
      assertTrue(System.nanoTime() < deadline && !second.isDone(), "never waited: " + log);
      Thread.sleep(50);
    }
    synchronized (log) {
      assertEquals("Another camlab process (pid " + other.pid() + ") is training gap-cnn into " + tinyDir()
          + "; waiting for it to finish, then loading its checkpoint.", log.get(0));
    }
    // what the other process leaves when it finishes: a complete checkpoint
    History history = new History(List.of(new History.Epoch(1, 2.0, 0.1, 1.0)), 0.1, 1.0);
    try (Classifier other1 = Architectures.create("gap-cnn", 64, FashionMnist.CLASS_NAMES, TestDevice.get())) {
      ModelCache.save(tinyDir(), other1, new ModelCache.Info("gap-cnn", LocalizationSet.Settings.DEFAULT, TINY, history, 64, null, "now"));
    }
    assertTrue(!second.isDone(), "still waiting while the other process holds the lock");
    other.getOutputStream().close();
    assertEquals(0, other.waitFor());
    second.get(60, java.util.concurrent.TimeUnit.SECONDS);
    assertTrue(log.get(1).startsWith("Loaded gap-cnn"), log.toString());
    assertTrue(log.stream().noneMatch(l -> l.startsWith("Training")), "trained only once: " + log);
    assertEquals(List.of(), leftovers(tinyDir().getParent()));
  }

  @Test
  void aLockWhoseHolderWasKilledDoesNotBlock() throws Exception {
    Process other = holdLockInAnotherProcess();
    other.destroyForcibly().waitFor(); // SIGKILL: its lock file stays, its lock does not
    assertTrue(Files.exists(TrainingLock.fileFor(tinyDir())));
    List<String> log = new ArrayList<>();
    try (TrainingLock lock = TrainingLock.acquire(tinyDir(), "gap-cnn", log::add)) {
      assertEquals(List.of(), log, "no waiting");
    }
    assertTrue(!Files.exists(TrainingLock.fileFor(tinyDir())), "released and removed");
  }

  @Test
  void aCacheWithoutRoomIsRefusedBeforeTraining() throws Exception {
    Path dir = tinyDir();
    CacheException e = assertThrows(CacheException.class, () -> ModelCache.requireRoom(dir, "gap-cnn", Long.MAX_VALUE));
    assertTrue(e.getMessage().matches("Cannot train gap-cnn: the model cache " + java.util.regex.Pattern.quote(dir.getParent().toString())
        + " has \\d+ (KB|MB) free and the checkpoint needs about \\d+ MB, so the trained model could not be kept\\. Free some space there,"
        + " or point CAMLAB_CACHE at a writable folder with room .* Nothing was trained\\."), e.getMessage());
    ModelCache.requireRoom(dir, "gap-cnn", 1); // and it is the space that was missing
  }
}
