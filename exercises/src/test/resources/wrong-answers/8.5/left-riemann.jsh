// EXERCISE 8.5 — Integrated Gradients (3 points)
// Left Riemann sum: α_k = (k − 1)/m, from the baseline up to but not including x.
NDArray integratedGradients(Classifier model, NDArray images, int classIndex, int steps) {
    NDArray total = images.zerosLike();
    for (int k = 1; k <= steps; k++) {
        NDArray leaf = model.inputGradientLeaf(images.mul((k - 1f) / steps), "integrated-gradients");
        try (var collector = ai.djl.engine.Engine.getInstance().newGradientCollector()) {
            collector.backward(model.logitsForInputGradients(leaf).get(":, " + classIndex).sum());
        }
        total = total.add(leaf.getGradient());
    }
    return images.mul(total).div(steps).sum(new int[] {1});
}
