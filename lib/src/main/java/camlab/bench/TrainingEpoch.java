package camlab.bench;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import camlab.data.LocalizationSet;
import camlab.util.Devices;
import camlab.util.Knobs;
import camlab.zoo.History;
import camlab.zoo.ModelCache;
import camlab.zoo.Training;
import camlab.zoo.TrainingSettings;
import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One real training epoch of the course's GAP-CNN on a device — the course's data, settings and training loop, the
 * checkpoint written as the course writes it — and then that checkpoint read back from disk onto the same device and
 * evaluated again. It proves on a device what the benchmark's synthetic training step cannot: that a model trains
 * there from the real data, that its checkpoint is written, and that a checkpoint loaded onto the device classifies as
 * well as the model that wrote it.
 *
 * <p>{@code java -cp … -Dcamlab.cache=EMPTY_FOLDER camlab.bench.TrainingEpoch [--device cpu|gpu|gpu:N]
 * [--train-limit N] [--json FILE]}: the checkpoint goes to that cache's model folder (one that exists already would be
 * loaded instead of trained, so it is refused). {@code CAMLAB_EVAL_LIMIT} shortens the evaluation.
 */
public final class TrainingEpoch {
  static final String ARCHITECTURE = "gap-cnn";

  private TrainingEpoch() {}

  /**
   * Trains one epoch on the first {@code trainLimit} training images (0: all) and evaluates the written checkpoint.
   *
   * @return device, images, epoch seconds, images/s, the test accuracy at the end of training and that of the
   *     checkpoint read back, and where the checkpoint is
   */
  public static Map<String, Object> run(Device device, int trainLimit, Consumer<String> log) throws IOException, MalformedModelException {
    TrainingSettings settings = TrainingSettings.forArchitecture(ARCHITECTURE).withEpochs(1).withTrainLimit(trainLimit);
    LocalizationSet.Settings data = LocalizationSet.Settings.DEFAULT;
    Path checkpoint = ModelCache.directory(ARCHITECTURE, data, settings);
    if (Files.exists(checkpoint)) {
      throw new IllegalArgumentException("A checkpoint for these settings exists already (" + checkpoint + "): it would be loaded, not"
          + " trained. Point -Dcamlab.cache at an empty folder.");
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("device", device.toString());
    out.put("architecture", ARCHITECTURE);
    out.put("settings", settings.toString());
    try (ModelCache.Trained trained = ModelCache.loadOrTrain(ARCHITECTURE, data, settings, device, log)) {
      History.Epoch epoch = trained.info().history().epochs().get(0);
      int images = LocalizationSet.of(LocalizationSet.Split.TRAIN, data, trainLimit).size();
      out.put("trainImages", images);
      out.put("epochSeconds", Stats.round(epoch.seconds(), 2));
      out.put("imagesPerSecond", Stats.round(images / epoch.seconds(), 1));
      out.put("trainingAccuracy", Stats.round(epoch.accuracy(), 4));
      out.put("testImages", trained.info().testImages());
      out.put("testAccuracyAfterTraining", Stats.round(trained.testAccuracy(), 4));
    }
    try (ModelCache.Trained reloaded = ModelCache.load(checkpoint, device)) {
      LocalizationSet test = LocalizationSet.of(LocalizationSet.Split.TEST, data, Knobs.evalLimit());
      out.put("checkpointDevice", reloaded.classifier().device().toString());
      out.put("testAccuracyOfCheckpoint", Stats.round(Training.accuracy(reloaded.classifier(), test), 4));
    }
    out.put("checkpoint", checkpoint.toString());
    return out;
  }

  public static void main(String[] argv) throws Exception {
    Map<String, String> options = new LinkedHashMap<>(Map.of("--device", "cpu", "--train-limit", "0"));
    for (int i = 0; i < argv.length; i += 2) {
      if (!options.containsKey(argv[i]) && !argv[i].equals("--json") || i + 1 >= argv.length) {
        System.err.println("usage: camlab.bench.TrainingEpoch [--device cpu|gpu|gpu:N] [--train-limit N] [--json FILE]");
        System.exit(2);
      }
      options.put(argv[i], argv[i + 1]);
    }
    Map<String, Object> result = run(Devices.parse(options.get("--device")), Integer.parseInt(options.get("--train-limit")), System.out::println);
    System.out.println("training epoch: " + result);
    if (options.containsKey("--json")) {
      Path json = Path.of(options.get("--json")).toAbsolutePath();
      Files.createDirectories(json.getParent());
      Files.writeString(json, new GsonBuilder().setPrettyPrinting().create().toJson(result));
    }
  }
}
