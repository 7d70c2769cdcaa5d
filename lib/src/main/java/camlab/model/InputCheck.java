package camlab.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/** What a classifier accepts as images: float32 {@code [B, C, H, W]}, at least one, finite; moved to the model's device. */
final class InputCheck {
  private InputCheck() {}

  /** The images on {@code device}, or an error saying what is wrong with them and what to pass instead. */
  static NDArray images(NDArray images, String architecture, Shape inputShape, Device device) {
    if (images == null) throw new IllegalArgumentException("The images are null; pass a float32 array [batch, " + inputShape.get(0) + ", "
        + inputShape.get(1) + ", " + inputShape.get(2) + "].");
    Shape shape = images.getShape();
    if (shape.dimension() != 4 || !shape.slice(1).equals(inputShape)) {
      throw new IllegalArgumentException("The " + architecture + " model takes images of shape [batch, " + inputShape.get(0) + ", "
          + inputShape.get(1) + ", " + inputShape.get(2) + "]; got " + shape + ".");
    }
    if (shape.get(0) == 0) throw new IllegalArgumentException("The batch of images is empty (shape " + shape + "); pass at least one image.");
    if (images.getDataType() != DataType.FLOAT32) {
      throw new IllegalArgumentException("Images must be float32; got " + images.getDataType() + ". Convert with toType(DataType.FLOAT32, false).");
    }
    NDArray onDevice = images.getDevice().equals(device) ? images : images.toDevice(device, false);
    // one reduction is enough to notice NaN or ±Inf (they propagate into the sum); only then look closer
    if (!Float.isFinite(onDevice.sum().getFloat())) {
      long nan = onDevice.isNaN().sum().getLong();
      long inf = onDevice.isInfinite().sum().getLong();
      if (nan + inf > 0) throw new IllegalArgumentException("The images contain " + nan + " NaN and " + inf + " infinite values; check how they were"
          + " loaded and preprocessed.");
    }
    return onDevice;
  }
}
