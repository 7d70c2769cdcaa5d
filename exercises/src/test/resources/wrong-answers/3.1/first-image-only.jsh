// EXERCISE 3.1 — Grad-CAM channel weights (3 points)
// Back-propagates the score of image 0 only: the other images get zero gradients.
import ai.djl.engine.Engine;
import ai.djl.training.GradientCollector;

NDArray gradCamWeights(Classifier model, NDArray activations, int classIndex) {
    NDArray leaf = model.gradientLeaf(activations);
    try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
        collector.backward(model.headForGradients(leaf).get(0, classIndex));
    }
    return leaf.getGradient().mean(new int[] {3}).mean(new int[] {2});
}
