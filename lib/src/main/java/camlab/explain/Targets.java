package camlab.explain;

import ai.djl.ndarray.NDArray;
import java.util.Arrays;

/**
 * Which class each image of a batch is explained for: explicit class indices, one class for the whole
 * batch, or the model's top-1 prediction (the default).
 */
public final class Targets {
  private final int[] classes; // null = top-1; length 1 = same class for every image
  private final boolean broadcast;

  private Targets(int[] classes, boolean broadcast) {
    this.classes = classes;
    this.broadcast = broadcast;
  }

  /** Explain each image for its own highest-scoring class. */
  public static Targets top1() {
    return new Targets(null, false);
  }

  /** Explain every image of the batch for the same class. */
  public static Targets allFor(int classIndex) {
    return new Targets(new int[] {classIndex}, true);
  }

  /** One class per image, in batch order. */
  public static Targets perImage(int... classes) {
    if (classes == null || classes.length == 0) {
      throw new IllegalArgumentException("Targets.perImage needs one class index per image; got none. Use Targets.top1() to explain the predictions.");
    }
    return new Targets(classes.clone(), false);
  }

  /** Targets from an optional array: null or empty means top-1, one entry means that class for all. */
  public static Targets of(int... classes) {
    if (classes == null || classes.length == 0) return top1();
    return classes.length == 1 ? allFor(classes[0]) : perImage(classes);
  }

  public boolean isTop1() {
    return classes == null;
  }

  /**
   * The classes of a batch twice: on the host, and as an int64 {@code [B]} array on the logits' device (in the logits'
   * manager), ready to index weights or class maps.
   */
  public record Resolved(int[] classes, NDArray index) {}

  /**
   * The class index for every image of the batch.
   *
   * @param logits [B, C] scores of the batch, used for top-1 and to check the range
   * @throws IllegalArgumentException on a batch/target mismatch or an index outside [0, C)
   */
  public int[] resolve(NDArray logits) {
    return classes == null ? top1Classes(checkLogits(logits).argMax(1)) : checked(given(logits), logits);
  }

  /**
   * As {@link #resolve}, with the classes also on the device. For top-1 the device array is the argmax itself: the
   * classes are read back once and never sent again, which saves an engine call and a host-to-device copy per batch.
   */
  public Resolved resolveOnDevice(NDArray logits) {
    if (classes == null) {
      NDArray argmax = checkLogits(logits).argMax(1);
      return new Resolved(top1Classes(argmax), argmax);
    }
    int[] resolved = checked(given(logits), logits);
    long[] indices = Arrays.stream(resolved).asLongStream().toArray();
    return new Resolved(resolved, logits.getManager().create(indices).toDevice(logits.getDevice(), false));
  }

  private static NDArray checkLogits(NDArray logits) {
    if (logits.getShape().dimension() != 2) {
      throw new IllegalArgumentException("logits must be [batch, classes]; got " + logits.getShape());
    }
    return logits;
  }

  private static int[] top1Classes(NDArray argmax) {
    long[] indices = argmax.toLongArray();
    int[] classes = new int[indices.length];
    for (int i = 0; i < indices.length; i++) classes[i] = Math.toIntExact(indices[i]); // a loop: a stream's code is cold after a forward pass
    return classes;
  }

  /** The given classes, one per image of the batch. */
  private int[] given(NDArray logits) {
    int batch = Math.toIntExact(checkLogits(logits).getShape().get(0));
    if (broadcast) {
      int[] all = new int[batch];
      Arrays.fill(all, classes[0]);
      return all;
    }
    if (classes.length != batch) {
      throw new IllegalArgumentException(
          "Batch/target mismatch: " + batch + " images but " + classes.length
              + " target classes. Give one class per image, a single class for all, or none for top-1.");
    }
    return classes.clone();
  }

  private static int[] checked(int[] resolved, NDArray logits) {
    int numClasses = Math.toIntExact(logits.getShape().get(1));
    for (int i = 0; i < resolved.length; i++) {
      if (resolved[i] < 0 || resolved[i] >= numClasses) {
        throw new IllegalArgumentException(
            "Class index " + resolved[i] + " (image " + i + ") is out of range: the model has "
                + numClasses + " classes, so use 0.." + (numClasses - 1) + ".");
      }
    }
    return resolved;
  }

  @Override
  public String toString() {
    if (classes == null) return "top-1";
    return broadcast ? "class " + classes[0] : "classes " + Arrays.toString(classes);
  }
}
