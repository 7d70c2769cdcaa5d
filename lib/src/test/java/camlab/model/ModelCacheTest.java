package camlab.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import camlab.data.FashionMnist;
import camlab.data.LocalizationSet;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray images = test.batch(m, 0, 4).get(0);
      return t.classifier().logits(images).toFloatArray();
    }
  }

  @Test
  void trainsOnceThenLoadsTheSameWeightsWithTheirRecord() throws Exception {
    List<String> log = new ArrayList<>();
    float[] trainedLogits;
    Path dir;
    try (ModelCache.Trained first = ModelCache.loadOrTrain("gap-cnn", LocalizationSet.Settings.DEFAULT, TINY, null, log::add)) {
      trainedLogits = logitsOf(first);
      dir = ModelCache.directory("gap-cnn", LocalizationSet.Settings.DEFAULT, TINY);
      assertTrue(Files.isRegularFile(dir.resolve("model.params")) && Files.isRegularFile(dir.resolve("info.json")));
      assertEquals(1, first.info().history().epochs().size());
      assertEquals(64, first.info().testImages());
    }
    assertTrue(log.get(0).startsWith("Training gap-cnn"), log.toString());
    log.clear();
    try (ModelCache.Trained second = ModelCache.loadOrTrain("gap-cnn", LocalizationSet.Settings.DEFAULT, TINY, null, log::add)) {
      assertTrue(log.get(0).startsWith("Loaded gap-cnn"), log.toString());
      assertArrayEquals(trainedLogits, logitsOf(second), 1e-6f);
    }
    try (var leftovers = Files.list(dir.getParent())) {
      assertTrue(leftovers.noneMatch(p -> p.getFileName().toString().contains(".tmp-")), "no temporary folder is left behind");
    }
  }

  @Test
  void aCorruptCheckpointIsReportedAndRetrainedNeverUsed() throws Exception {
    try (ModelCache.Trained first = ModelCache.loadOrTrain("gap-cnn", LocalizationSet.Settings.DEFAULT, TINY, null, line -> {})) {
      first.classifier();
    }
    Path params = ModelCache.directory("gap-cnn", LocalizationSet.Settings.DEFAULT, TINY).resolve("model.params");
    byte[] bytes = Files.readAllBytes(params);
    bytes[bytes.length / 2] ^= 0x5a; // one flipped byte somewhere in the weights
    Files.write(params, bytes);
    List<String> log = new ArrayList<>();
    try (ModelCache.Trained again = ModelCache.loadOrTrain("gap-cnn", LocalizationSet.Settings.DEFAULT, TINY, null, log::add)) {
      assertTrue(log.get(0).contains("unusable") && log.get(0).contains("checksum"), log.toString());
      assertTrue(log.get(1).startsWith("Training gap-cnn"), log.toString());
      assertTrue(again.testAccuracy() >= 0);
    }
    try (ModelCache.Trained loaded = ModelCache.loadOrTrain("gap-cnn", LocalizationSet.Settings.DEFAULT, TINY, null, log::add)) {
      assertTrue(log.get(log.size() - 1).startsWith("Loaded"), "the retrained checkpoint is good again: " + log);
    }
  }

  @Test
  void aCheckpointWhoseRecordNamesAnotherArchitectureIsRetrained() throws Exception {
    try (ModelCache.Trained first = ModelCache.loadOrTrain("gap-cnn", LocalizationSet.Settings.DEFAULT, TINY, null, line -> {})) {
      first.classifier();
    }
    Path info = ModelCache.directory("gap-cnn", LocalizationSet.Settings.DEFAULT, TINY).resolve("info.json");
    Files.writeString(info, Files.readString(info).replace("\"architecture\": \"gap-cnn\"", "\"architecture\": \"fc-cnn\""));
    List<String> log = new ArrayList<>();
    try (ModelCache.Trained again = ModelCache.loadOrTrain("gap-cnn", LocalizationSet.Settings.DEFAULT, TINY, null, log::add)) {
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
    return Classifier.create("gap-cnn", new LambdaBlock(x -> x), head, new Shape(3, 8, 8), FashionMnist.CLASS_NAMES, Device.cpu());
  }

  @Test
  void aFailedSaveLeavesTheOldCheckpointIntact() throws Exception {
    Path dir = ModelCache.directory("gap-cnn", LocalizationSet.Settings.DEFAULT, TINY);
    ModelCache.Info record = new ModelCache.Info("gap-cnn", LocalizationSet.Settings.DEFAULT, TINY, null, 0, null, "now");
    try (Classifier untrained = Architectures.create("gap-cnn", LocalizationSet.Settings.DEFAULT.canvasSize(), FashionMnist.CLASS_NAMES, Device.cpu())) {
      ModelCache.save(dir, untrained, record);
    }
    byte[] params = Files.readAllBytes(dir.resolve("model.params"));
    String info = Files.readString(dir.resolve("info.json"));

    try (Classifier failing = failsWhileSaving()) {
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> ModelCache.save(dir, failing, record));
      assertTrue(e.getMessage().contains("Could not save the checkpoint to " + dir) && e.getMessage().contains("No space left"), e.getMessage());
    }
    assertArrayEquals(params, Files.readAllBytes(dir.resolve("model.params")), "the old parameters are untouched");
    Path tmp = Files.createTempDirectory(cache, "half-deleted");
    java.io.IOException missing = assertThrows(java.io.IOException.class, () -> ModelCache.load(tmp, Device.cpu()));
    assertTrue(missing.getMessage().contains("info.json is missing"), missing.getMessage());
    Files.delete(tmp);
    assertEquals(info, Files.readString(dir.resolve("info.json")));
    try (var leftovers = Files.list(dir.getParent())) {
      assertEquals(List.of(dir), leftovers.toList(), "no temporary folder is left behind");
    }
    try (ModelCache.Trained loaded = ModelCache.load(dir, Device.cpu())) {
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
}
