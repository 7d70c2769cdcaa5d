// EXERCISE 3.1 — Grad-CAM channel weights (3 points)
// Differentiates the softmax probability instead of the logit (pushes the other classes down too).
import ai.djl.engine.Engine;
import ai.djl.training.GradientCollector;

NDArray gradCamWeights(Classifier model, NDArray activations, int classIndex) {
    NDArray leaf = model.gradientLeaf(activations);
    try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
        collector.backward(model.headForGradients(leaf).softmax(1).get(":, " + classIndex).sum());
    }
    return leaf.getGradient().mean(new int[] {3}).mean(new int[] {2});
}
