package camlab.exercises.graders;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import camlab.model.Classifier;

/**
 * Where one call's inputs are made: a fresh {@link NDManager} and the models built for the call, closed together when the
 * call has been judged, and a seeded {@link Random}, so the same numbers come on every run and a failure can be reproduced.
 */
public final class Inputs implements AutoCloseable {
  private final NDManager manager = NDManager.newBaseManager();
  private final Random random;
  private final List<AutoCloseable> models = new ArrayList<>();

  /** Inputs drawn from {@code random} (shared by the calls of one test, so each gets the next numbers). */
  public Inputs(Random random) {
    this.random = random;
  }

  /** Inputs drawn from a {@link Random} seeded with {@code seed}. */
  public Inputs(long seed) {
    this(new Random(seed));
  }

  public NDManager manager() {
    return manager;
  }

  public Random random() {
    return random;
  }

  /** {@code values} as a float32 array of shape {@code dims}. */
  public NDArray array(float[] values, long... dims) {
    return manager.create(values, new Shape(dims));
  }

  /** Standard-normal values of shape {@code dims}, float32. */
  public NDArray gaussian(long... dims) {
    float[] values = new float[Math.toIntExact(new Shape(dims).size())];
    for (int i = 0; i < values.length; i++) values[i] = (float) random.nextGaussian();
    return manager.create(values, new Shape(dims));
  }

  /** Uniform values in [0, 1) of shape {@code dims}, float32 (like post-ReLU activations, scaled). */
  public NDArray uniform(long... dims) {
    float[] values = new float[Math.toIntExact(new Shape(dims).size())];
    for (int i = 0; i < values.length; i++) values[i] = random.nextFloat();
    return manager.create(values, new Shape(dims));
  }

  /** {@code model}, closed with these inputs. */
  public Classifier model(Classifier model) {
    models.add(model);
    return model;
  }

  /** Closes the models, then the manager and every array made in it (the student's results included). */
  @Override
  public void close() {
    for (AutoCloseable m : models) {
      try {
        m.close();
      } catch (Exception e) {
        throw new IllegalStateException("closing a grader's model failed", e);
      }
    }
    manager.close();
  }
}
