// EXERCISE 2.1 — Class activation map (3 points)
// Returns the sum of all weighted features: a scalar, not a map.
NDArray classActivationMap(NDArray features, NDArray classWeights) {
    return features.mul(classWeights.reshape(-1, 1, 1)).sum();
}
