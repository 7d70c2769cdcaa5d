// EXERCISE 2.1 — Class activation map (3 points)
// Applies a ReLU: that belongs to Grad-CAM and to display, not to the CAM formula.
NDArray classActivationMap(NDArray features, NDArray classWeights) {
    return features.mul(classWeights.reshape(-1, 1, 1)).sum(new int[] {0}).maximum(0f);
}
