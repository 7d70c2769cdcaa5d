package camlab.bench;

/**
 * One line of the timing table.
 *
 * @param model the architecture family ("gap-cnn", "resnet18")
 * @param what "forward", a method's name, or "upsample+normalize"
 * @param ms median milliseconds of one call on the whole batch
 * @param forwardMs median milliseconds of the forward pass it is compared with (its own architecture's)
 * @param ratio median of per-repetition ratios to that forward pass (1 for a forward row)
 * @param imagesPerSecond batch / (ms / 1000)
 * @param target the ratio the issue asks for, or null where it sets none
 */
public record Row(String model, int batch, String what, double ms, double forwardMs, double ratio, double imagesPerSecond,
    Double target) {
  /** Whether the target is met; null without a target. */
  public Boolean meetsTarget() {
    return target == null ? null : ratio <= target;
  }
}
