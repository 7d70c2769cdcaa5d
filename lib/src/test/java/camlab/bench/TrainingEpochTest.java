package camlab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import camlab.TestDevice;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One short epoch on the test device (128 images, 100 test images): the record, the checkpoint read back, the refusal
 * to reuse one. Two steps learn nothing yet; that the full epoch learns is what tools/gpu-check.sh reports.
 */
@Tag(TestDevice.ENGINE)
class TrainingEpochTest {
  private static final int TEST_IMAGES = 100;
  @TempDir Path cache;
  private String savedCache;
  private String savedEvalLimit;

  @BeforeEach
  void emptyCacheAndShortEvaluation() {
    savedCache = System.setProperty("camlab.cache", cache.toString());
    savedEvalLimit = System.setProperty("camlab.eval.limit", String.valueOf(TEST_IMAGES));
  }

  @AfterEach
  void restore() {
    restore("camlab.cache", savedCache);
    restore("camlab.eval.limit", savedEvalLimit);
  }

  @Test
  void anEpochWritesACheckpointThatClassifiesAsWellOnceReadBack() throws Exception {
    Map<String, Object> r = TrainingEpoch.run(TestDevice.get(), 128, line -> {});
    assertEquals(128, r.get("trainImages"));
    assertEquals(TEST_IMAGES, r.get("testImages"));
    double seconds = (Double) r.get("epochSeconds");
    double rate = (Double) r.get("imagesPerSecond"); // from the unrounded time: within what rounding the seconds to 0.01 allows
    assertTrue(seconds >= 0.01 && rate >= 128 / (seconds + 0.005) - 0.05 && rate <= 128 / (seconds - 0.005) + 0.05, r.toString());
    double trained = (Double) r.get("testAccuracyAfterTraining");
    // the same weights on the same device: at most a prediction or two may flip where a GPU sums in another order
    assertEquals(trained, (Double) r.get("testAccuracyOfCheckpoint"), 2.0 / TEST_IMAGES, r.toString());
    assertEquals(TestDevice.get().toString(), r.get("checkpointDevice"));
    assertTrue(Files.isRegularFile(Path.of((String) r.get("checkpoint")).resolve("model.params")));

    IllegalArgumentException again = assertThrows(IllegalArgumentException.class, () -> TrainingEpoch.run(TestDevice.get(), 128, line -> {}));
    assertTrue(again.getMessage().contains("exists already") && again.getMessage().contains("-Dcamlab.cache"), again.getMessage());
  }

  private static void restore(String key, String value) {
    if (value == null) System.clearProperty(key);
    else System.setProperty(key, value);
  }
}
