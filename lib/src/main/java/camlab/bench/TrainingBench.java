package camlab.bench;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import camlab.model.Classifier;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Training throughput next to inference throughput on the same fixed batch: one training step
 * (forward in training mode, softmax cross-entropy, backward through the whole network, Adam update)
 * against one inference forward pass, interleaved. A step costs about three forward passes (forward,
 * and a backward that computes gradients for both the activations and the weights), so the issue's
 * target is training ≥ 0.28 × inference images/s.
 */
public final class TrainingBench {
  public static final double TARGET = 0.28;

  private TrainingBench() {}

  public static Map<String, Object> run(Classifier model, int batch, int reps, int warmup) {
    Device device = model.device();
    Map<String, Object> out = new LinkedHashMap<>();
    try (NDManager manager = NDManager.newBaseManager(device);
        Trainer trainer = model.model().newTrainer(new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
            .optOptimizer(Optimizer.adam().build()).optDevices(new Device[] {device}))) {
      NDArray x = manager.randomUniform(0, 1, new Shape(batch).addAll(model.inputShape()));
      NDArray y = manager.randomInteger(0, model.numClasses(), new Shape(batch), DataType.INT64);
      Parameter updated = model.model().getBlock().getParameters().valueAt(0);
      Runnable inference = () -> MethodBench.scoped(x, () -> MethodBench.wait(model.logits(x)));
      Runnable step = () -> {
        try (NDManager scope = trainer.getManager().newSubManager()) {
          NDArray xs = x.duplicate();
          xs.attach(scope);
          try (GradientCollector collector = trainer.newGradientCollector()) {
            NDArray logits = trainer.forward(new NDList(xs)).singletonOrThrow();
            collector.backward(trainer.getLoss().evaluate(new NDList(y), new NDList(logits)));
          }
          trainer.step();
        }
        MethodBench.wait(updated.getArray()); // a GPU runs the update after step() returns: wait for it
      };
      PairedTiming.Samples s = PairedTiming.run(List.of(new PairedTiming.Pair("training step", inference, step)), reps, warmup)
          .get("training step");
      double inferenceImages = batch * 1000.0 / s.medianForwardMs();
      double trainingImages = batch * 1000.0 / s.medianMethodMs();
      out.put("batch", batch);
      out.put("inferenceMs", Stats.round(s.medianForwardMs(), 3));
      out.put("trainingStepMs", Stats.round(s.medianMethodMs(), 3));
      out.put("inferenceImagesPerSecond", Stats.round(inferenceImages, 1));
      out.put("trainingImagesPerSecond", Stats.round(trainingImages, 1));
      // per-pair ratio of times, inverted: training images/s ÷ inference images/s = inference ms ÷ step ms
      out.put("trainingToInference", Stats.round(1 / s.ratio(), 3));
      out.put("target", TARGET);
      out.put("meetsTarget", 1 / s.ratio() >= TARGET);
    }
    return out;
  }
}
