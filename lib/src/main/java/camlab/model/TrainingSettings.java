package camlab.model;

/**
 * How a model is trained; together with the architecture and the data settings it is the key of the
 * model cache.
 *
 * @param epochs passes over the training split
 * @param batchSize images per step
 * @param learningRate Adam's initial rate, decayed on a cosine to 1/20 of it by the last step
 * @param seed seeds parameter initialisation and the order of the training images
 * @param trainLimit use only the first {@code trainLimit} training images (≤ 0: all) — a knob for quick runs
 */
public record TrainingSettings(int epochs, int batchSize, float learningRate, long seed, int trainLimit) {
  /** The full run the course's numbers come from. */
  public static final TrainingSettings DEFAULT = new TrainingSettings(5, 64, 2e-3f, 7, 0);

  public TrainingSettings {
    if (epochs < 1 || batchSize < 1 || !(learningRate > 0)) {
      throw new IllegalArgumentException("Training needs epochs ≥ 1, batchSize ≥ 1 and a positive learning rate; got " + this);
    }
  }

  public TrainingSettings withEpochs(int newEpochs) {
    return new TrainingSettings(newEpochs, batchSize, learningRate, seed, trainLimit);
  }

  public TrainingSettings withTrainLimit(int newLimit) {
    return new TrainingSettings(epochs, batchSize, learningRate, seed, newLimit);
  }
}
