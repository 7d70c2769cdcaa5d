package camlab.exercises.graders;

import java.util.Random;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/** Seeded test inputs for graders: the same numbers on every run, so a failure can be reproduced. */
public final class Inputs {
  private Inputs() {}

  /** Standard-normal values of the given shape, float32, in {@code manager}. */
  public static NDArray gaussian(NDManager manager, Random random, Shape shape) {
    float[] values = new float[Math.toIntExact(shape.size())];
    for (int i = 0; i < values.length; i++) values[i] = (float) random.nextGaussian();
    return manager.create(values, shape);
  }

  /** Uniform values in [0, 1) of the given shape, float32, in {@code manager} (like post-ReLU activations, scaled). */
  public static NDArray uniform(NDManager manager, Random random, Shape shape) {
    float[] values = new float[Math.toIntExact(shape.size())];
    for (int i = 0; i < values.length; i++) values[i] = random.nextFloat();
    return manager.create(values, shape);
  }

  /** A float array filled with {@code value}. */
  public static float[] filled(int length, float value) {
    float[] values = new float[length];
    java.util.Arrays.fill(values, value);
    return values;
  }
}
