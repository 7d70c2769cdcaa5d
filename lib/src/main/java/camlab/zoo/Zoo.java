package camlab.zoo;

import ai.djl.Device;
import camlab.data.LocalizationSet;
import camlab.util.Knobs;

/**
 * The course's trained models, one call each: trained on first use with the course settings, then
 * loaded from the {@link ModelCache}. The knobs {@code CAMLAB_TRAIN_LIMIT} and {@code CAMLAB_EPOCHS}
 * shrink the run (CI); they are part of the cache key, so a quick model never poses as the full one.
 */
public final class Zoo {
  private Zoo() {}

  /** The training settings of a course model after applying the knobs. */
  public static TrainingSettings courseSettings(String architecture) {
    TrainingSettings base = TrainingSettings.forArchitecture(architecture);
    return base.withEpochs(Knobs.epochs(base.epochs())).withTrainLimit(Knobs.trainLimit());
  }

  /** A trained course model by architecture name, on the engine's default device. */
  public static ModelCache.Trained load(String architecture) {
    return load(architecture, null);
  }

  /** A trained course model by architecture name, on {@code device} (null: the engine's default). */
  public static ModelCache.Trained load(String architecture, Device device) {
    return ModelCache.loadOrTrain(architecture, LocalizationSet.Settings.DEFAULT, courseSettings(architecture), device, System.out::println);
  }

  /** The GAP-CNN of the CAM chapter. */
  public static ModelCache.Trained gapCnn() {
    return load("gap-cnn");
  }
}
