package camlab.exercises.graders;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * The expected value of an exercise that returns an NDArray: its float32 values, row-major, and its shape. Held as plain
 * Java values, so it outlives the manager of the call that produced it.
 */
public record Tensor(float[] values, Shape shape) {
  public Tensor {
    if (values.length != shape.size()) {
      throw new IllegalArgumentException(values.length + " values do not fill the shape " + shape);
    }
  }

  /** {@code values} of shape {@code dims}, e.g. {@code Tensor.of(new float[] {0.5f, -1, 3.5f, -2}, 2, 2)}. */
  public static Tensor of(float[] values, long... dims) {
    return new Tensor(values, new Shape(dims));
  }

  /** The values and shape of {@code array}, read now. */
  public static Tensor of(NDArray array) {
    return new Tensor(array.toFloatArray(), array.getShape());
  }

  /** {@code value} everywhere in shape {@code dims}. */
  public static Tensor filled(float value, long... dims) {
    float[] values = new float[Math.toIntExact(new Shape(dims).size())];
    java.util.Arrays.fill(values, value);
    return new Tensor(values, new Shape(dims));
  }
}
