// EXERCISE 3.1 — Grad-CAM channel weights (3 points)
// Keeps only positive gradients before averaging (a piece of Grad-CAM++, not Grad-CAM).
import ai.djl.engine.Engine;
import ai.djl.training.GradientCollector;

NDArray gradCamWeights(Classifier model, NDArray activations, int classIndex) {
    NDArray leaf = model.gradientLeaf(activations);
    try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
        collector.backward(model.headForGradients(leaf).get(":, " + classIndex).sum());
    }
    return leaf.getGradient().maximum(0f).mean(new int[] {3}).mean(new int[] {2});
}
