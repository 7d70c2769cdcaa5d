// EXERCISE 3.1 — Grad-CAM channel weights (3 points)
// Asks the caller's activations for gradients: a second call adds to the first call's gradient.
import ai.djl.engine.Engine;
import ai.djl.training.GradientCollector;

NDArray gradCamWeights(Classifier model, NDArray activations, int classIndex) {
    activations.setRequiresGradient(true);
    try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
        collector.backward(model.headForGradients(activations).get(":, " + classIndex).sum());
    }
    return activations.getGradient().mean(new int[] {3}).mean(new int[] {2});
}
