// EXERCISE 3.1 — Grad-CAM channel weights (3 points)
// Sums the gradient over the positions (the official Lua code does): α·h·w, not α.
import ai.djl.engine.Engine;
import ai.djl.training.GradientCollector;

NDArray gradCamWeights(Classifier model, NDArray activations, int classIndex) {
    NDArray leaf = model.gradientLeaf(activations);
    try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
        collector.backward(model.headForGradients(leaf).get(":, " + classIndex).sum());
    }
    return leaf.getGradient().sum(new int[] {2, 3});
}
