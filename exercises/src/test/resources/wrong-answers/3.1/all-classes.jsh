// EXERCISE 3.1 — Grad-CAM channel weights (3 points)
// Differentiates the sum of all logits, not the logit of class c.
import ai.djl.engine.Engine;
import ai.djl.training.GradientCollector;

NDArray gradCamWeights(Classifier model, NDArray activations, int classIndex) {
    NDArray leaf = model.gradientLeaf(activations);
    try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
        collector.backward(model.headForGradients(leaf).sum());
    }
    return leaf.getGradient().mean(new int[] {3}).mean(new int[] {2});
}
