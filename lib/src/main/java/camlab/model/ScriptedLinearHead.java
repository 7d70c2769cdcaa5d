package camlab.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds CAM's class weights inside a TorchScript head, which is opaque to DJL: among the head's
 * parameters, a {@code [C, K]} matrix W (and optionally a {@code [C]} bias b) such that the head really
 * computes {@code logits = GAP(A) · Wᵀ + b}. The claim is checked on random activations, so a head that
 * does anything else (a hidden layer, max pooling, ...) is never mistaken for a CAM head.
 */
final class ScriptedLinearHead {
  private static final double TOLERANCE = 1e-4;

  private ScriptedLinearHead() {}

  static Optional<NDArray> find(Classifier model) {
    try (NDManager probe = NDManager.newBaseManager(model.device())) {
      NDArray activations = model.features(probe.zeros(new Shape(1).addAll(model.inputShape())));
      long k = activations.getShape().get(1);
      NDArray a = probe.randomUniform(0, 1, new Shape(2).addAll(activations.getShape().slice(1)));
      NDArray logits = model.head(a);
      NDArray pooled = GlobalAveragePooling.pool(a); // [2, K]
      List<NDArray> matrices = new ArrayList<>();
      List<NDArray> biases = new ArrayList<>();
      biases.add(null);
      for (Pair<String, Parameter> p : model.headBlock().getParameters()) {
        NDArray value = p.getValue().getArray();
        Shape s = value.getShape();
        if (s.dimension() == 2 && s.get(0) == model.numClasses() && s.get(1) == k) matrices.add(value);
        if (s.dimension() == 1 && s.get(0) == model.numClasses()) biases.add(value);
      }
      for (NDArray w : matrices) {
        for (NDArray b : biases) {
          NDArray predicted = pooled.matMul(w.get(probe, new ai.djl.ndarray.index.NDIndex(":")).transpose());
          if (b != null) predicted = predicted.add(b.get(probe, new ai.djl.ndarray.index.NDIndex(":")));
          double error = predicted.sub(logits).abs().max().getFloat();
          double scale = Math.max(1e-6, logits.abs().max().getFloat());
          if (error <= TOLERANCE * scale) return Optional.of(w);
        }
      }
      return Optional.empty();
    }
  }

}
