// EXERCISE 2.1 — Class activation map (3 points)
// Returns the map transposed, [w,h] instead of [h,w].
NDArray classActivationMap(NDArray features, NDArray classWeights) {
    return features.mul(classWeights.reshape(-1, 1, 1)).sum(new int[] {0}).transpose();
}
