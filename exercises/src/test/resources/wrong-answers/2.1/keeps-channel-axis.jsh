// EXERCISE 2.1 — Class activation map (3 points)
// Keeps the summed axis: returns [1,h,w] instead of [h,w].
NDArray classActivationMap(NDArray features, NDArray classWeights) {
    return features.mul(classWeights.reshape(-1, 1, 1)).sum(new int[] {0}, true);
}
