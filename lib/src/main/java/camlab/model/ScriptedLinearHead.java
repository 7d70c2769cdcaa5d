package camlab.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Finds CAM's class weights inside a TorchScript head, which is opaque to DJL: among the head's
 * parameters, a {@code [C, K]} matrix W (and optionally a {@code [C]} bias b) such that the head really
 * computes {@code logits = GAP(A) · Wᵀ + b}. The claim is checked on random activations, so a head that
 * does anything else (a hidden layer, max pooling, ...) is never mistaken for a CAM head. The activations come from a
 * generator of their own, so loading a model leaves the engine's random numbers as they were.
 */
final class ScriptedLinearHead {
  private static final double TOLERANCE = 1e-4;

  private ScriptedLinearHead() {}

  /** W, the parameter, when the head is GAP + Linear; empty otherwise, or when the head refuses a batch of two. */
  static Optional<Parameter> find(SplitModel model, Shape inputShape, int numClasses) {
    try (NDManager probe = NDManager.newBaseManager(model.device())) {
      NDArray activations = model.features(probe.zeros(new Shape(1).addAll(inputShape)));
      long k = activations.getShape().get(1);
      Shape probeShape = new Shape(2).addAll(activations.getShape().slice(1));
      NDArray a = probe.create(uniform(probeShape.size()), probeShape);
      NDArray logits;
      try {
        logits = model.head(a);
      } catch (RuntimeException e) {
        return Optional.empty(); // e.g. traced with a fixed batch of one: not a head CAM can read
      }
      NDArray pooled = GlobalAveragePooling.pool(a); // [2, K]
      List<Parameter> matrices = new ArrayList<>();
      List<NDArray> biases = new ArrayList<>();
      biases.add(null);
      for (Pair<String, Parameter> p : model.headBlock().getParameters()) {
        NDArray value = p.getValue().getArray();
        Shape s = value.getShape();
        if (s.dimension() == 2 && s.get(0) == numClasses && s.get(1) == k) matrices.add(p.getValue());
        if (s.dimension() == 1 && s.get(0) == numClasses) biases.add(value);
      }
      for (Parameter w : matrices) {
        for (NDArray b : biases) {
          NDArray predicted = pooled.matMul(w.getArray().get(probe, new NDIndex(":")).transpose());
          if (b != null) predicted = predicted.add(b.get(probe, new NDIndex(":")));
          double error = predicted.sub(logits).abs().max().getFloat();
          double scale = Math.max(1e-6, logits.abs().max().getFloat());
          if (error <= TOLERANCE * scale) return Optional.of(w);
        }
      }
      return Optional.empty();
    }
  }

  private static float[] uniform(long count) {
    SplittableRandom random = new SplittableRandom(0);
    float[] values = new float[Math.toIntExact(count)];
    for (int i = 0; i < values.length; i++) values[i] = (float) random.nextDouble();
    return values;
  }
}
