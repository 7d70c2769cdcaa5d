package camlab.zoo;

import java.util.List;

/**
 * What a training run produced: one row per epoch, the final test accuracy and the wall time.
 *
 * @param epochs per-epoch training loss and accuracy (accuracy measured on the training batches as they went by)
 * @param testAccuracy accuracy of the trained model on the test split, inference mode, in [0, 1]
 * @param seconds wall-clock seconds of training (without the final evaluation)
 */
public record History(List<Epoch> epochs, double testAccuracy, double seconds) {
  /** Mean cross-entropy loss and accuracy over one epoch's training batches. */
  public record Epoch(int epoch, double loss, double accuracy, double seconds) {}

  public History {
    epochs = List.copyOf(epochs);
  }
}
