// EXERCISE 8.5 — Integrated Gradients (3 points)
// Returns the mean gradient along the path, forgetting to multiply by x − baseline.
NDArray integratedGradients(Classifier model, NDArray images, int classIndex, int steps) {
    NDArray total = images.zerosLike();
    for (int k = 1; k <= steps; k++) {
        NDArray leaf = model.inputGradientLeaf(images.mul((k - 0.5f) / steps), "integrated-gradients");
        try (var collector = ai.djl.engine.Engine.getInstance().newGradientCollector()) {
            collector.backward(model.logitsForInputGradients(leaf).get(":, " + classIndex).sum());
        }
        total = total.add(leaf.getGradient());
    }
    return total.div(steps).sum(new int[] {1});
}
