package camlab.cli;

import camlab.model.Architectures;
import camlab.util.Devices;
import camlab.zoo.History;
import camlab.zoo.ModelCache;
import camlab.zoo.Zoo;
import java.util.Set;

/**
 * {@code camlab train --model NAME}: trains a course model with the course settings (or loads it from
 * the cache) and prints its per-epoch history, test accuracy and training time.
 */
final class TrainCommand implements Main.Command {
  @Override
  public String summary() {
    return "train (or load) a course model: --model " + String.join("|", Architectures.NAMES) + " [--device]";
  }

  @Override
  public int run(String[] argv) {
    Args args = new Args("train", argv, Set.of("model", "device"), Set.of());
    String name = args.get("model");
    if (name == null) throw new Args.UsageException("--model is required: one of " + Architectures.NAMES + ".");
    if (!Architectures.NAMES.contains(name)) throw new Args.UsageException("unknown model '" + name + "'; choose one of " + Architectures.NAMES + ".");
    try (ModelCache.Trained trained = Zoo.load(name, Devices.parse(args.get("device")))) {
      History h = trained.info().history();
      for (History.Epoch e : h.epochs()) {
        System.out.printf("epoch %d: loss %.4f, training accuracy %.4f, %.0f s%n", e.epoch(), e.loss(), e.accuracy(), e.seconds());
      }
      System.out.printf("model=%s test_accuracy=%.4f test_images=%d training_seconds=%.0f%n", name, h.testAccuracy(),
          trained.info().testImages(), h.seconds());
    }
    return 0;
  }
}
