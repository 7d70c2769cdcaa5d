// EXERCISE 2.1 — Class activation map (3 points)
// expect: does not compile: cell line 4: cannot find symbol
NDArray classActivationMap(NDArray features, NDArray classWeights) {
    return features.mull(classWeights.reshape(-1, 1, 1)).sum(new int[] {0});
}
