// EXERCISE 2.1 — Class activation map (3 points)
// Weights the channels, then sums over the wrong axis (rows instead of channels).
NDArray classActivationMap(NDArray features, NDArray classWeights) {
    return features.mul(classWeights.reshape(-1, 1, 1)).sum(new int[] {1});
}
