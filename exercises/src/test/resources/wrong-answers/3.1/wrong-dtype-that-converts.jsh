// EXERCISE 3.1 — Grad-CAM channel weights (3 points)
// Right gradients, averaged on the host in double and returned as float64.
NDArray gradCamWeights(Classifier model, NDArray activations, int classIndex) {
    NDArray leaf = model.gradientLeaf(activations);
    try (var collector = ai.djl.engine.Engine.getInstance().newGradientCollector()) {
        collector.backward(model.headForGradients(leaf).get(":, " + classIndex).sum());
    }
    long[] s = activations.getShape().getShape();
    float[] g = leaf.getGradient().toFloatArray();
    int hw = (int) (s[2] * s[3]);
    double[] alpha = new double[(int) (s[0] * s[1])];
    for (int i = 0; i < alpha.length; i++) {
        double sum = 0;
        for (int p = 0; p < hw; p++) sum += g[i * hw + p];
        alpha[i] = sum / hw;
    }
    return activations.getManager().create(alpha, new Shape(s[0], s[1]));
}
