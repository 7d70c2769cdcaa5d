package camlab.zoo;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.loss.SoftmaxCrossEntropyLoss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import camlab.data.LocalizationSet;
import camlab.model.Classifier;
import camlab.util.Progress;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Supervised training on image labels only (never boxes): softmax cross-entropy, Adam with a cosine
 * decay, seeded shuffling, a progress bar, and a per-epoch history.
 */
public final class Training {
  private Training() {}

  /**
   * Trains {@code classifier} in place on {@code train} and measures its accuracy on {@code test}.
   * Seeding: {@link TrainingSettings#seed()} seeds the engine (dropout etc.) and the shuffling; the
   * parameters must already have been initialised under the same seed (see {@link ModelCache}).
   */
  public static History train(Classifier classifier, LocalizationSet train, LocalizationSet test, TrainingSettings settings) {
    Engine.getInstance().setRandomSeed((int) settings.seed());
    int n = settings.trainLimit() > 0 ? Math.min(settings.trainLimit(), train.size()) : train.size();
    int stepsPerEpoch = (n + settings.batchSize() - 1) / settings.batchSize();
    int totalSteps = stepsPerEpoch * settings.epochs();
    Tracker rate = Tracker.cosine().setBaseValue(settings.learningRate())
        .optFinalValue(settings.learningRate() / 20).setMaxUpdates(totalSteps).build();
    DefaultTrainingConfig config = new DefaultTrainingConfig(new SummedCrossEntropy())
        .optOptimizer(Optimizer.adam().optLearningRateTracker(rate).build())
        .optDevices(new Device[] {classifier.device()});

    List<History.Epoch> epochs = new ArrayList<>();
    Random shuffler = new Random(settings.seed());
    long start = System.nanoTime();
    try (Trainer trainer = classifier.model().newTrainer(config);
        Progress progress = Progress.start("training " + classifier.architecture(), totalSteps)) {
      trainer.initialize(new Shape(settings.batchSize()).addAll(classifier.inputShape()));
      int step = 0;
      for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
        long epochStart = System.nanoTime();
        int[] order = permutation(n, shuffler);
        double lossSum = 0;
        long correct = 0;
        for (int from = 0; from < n; from += settings.batchSize()) {
          int to = Math.min(n, from + settings.batchSize());
          int[] indices = java.util.Arrays.copyOfRange(order, from, to);
          try (NDManager batchScope = trainer.getManager().newSubManager()) {
            NDList batch = train.batch(batchScope, indices);
            NDArray labels = batch.get(1);
            try (GradientCollector collector = trainer.newGradientCollector()) {
              NDList outputs = trainer.forward(new NDList(batch.get(0), labels)); // labels reach label-aware heads only
              NDArray logits = outputs.get(0);
              NDArray loss = trainer.getLoss().evaluate(new NDList(labels), outputs);
              collector.backward(loss);
              lossSum += loss.getFloat() * (to - from);
              correct += logits.argMax(1).eq(labels).sum().getLong();
            }
            trainer.step();
          }
          step++;
          progress.update(step, String.format("epoch %d/%d loss %.3f acc %.3f", epoch, settings.epochs(),
              lossSum / (to), (double) correct / to));
        }
        epochs.add(new History.Epoch(epoch, lossSum / n, (double) correct / n, (System.nanoTime() - epochStart) / 1e9));
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return new History(epochs, accuracy(classifier, test), seconds);
  }

  /** Top-1 accuracy of {@code classifier} on a whole split, in inference mode, batches of 256. */
  public static double accuracy(Classifier classifier, LocalizationSet split) {
    long correct = 0;
    try (NDManager scope = NDManager.newBaseManager(classifier.device())) {
      for (int from = 0; from < split.size(); from += 256) {
        try (NDManager batchScope = scope.newSubManager()) {
          NDList batch = split.batch(batchScope, from, Math.min(split.size(), from + 256));
          NDArray predicted = classifier.logits(batch.get(0)).argMax(1);
          correct += predicted.eq(batch.get(1).toDevice(predicted.getDevice(), false)).sum().getLong();
        }
      }
    }
    return (double) correct / split.size();
  }

  /**
   * Cross-entropy summed over every logits output of the network (one for most heads, two for ACoL:
   * L = CE(A) + CE(B)), averaged over the batch.
   */
  static final class SummedCrossEntropy extends Loss {
    private final SoftmaxCrossEntropyLoss single = new SoftmaxCrossEntropyLoss();

    SummedCrossEntropy() {
      super("SummedCrossEntropy");
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
      NDArray total = null;
      for (NDArray logits : predictions) {
        NDArray loss = single.evaluate(labels, new NDList(logits));
        total = total == null ? loss : total.add(loss);
      }
      return total;
    }
  }

  private static int[] permutation(int n, Random random) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) order[i] = i;
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    return order;
  }
}
