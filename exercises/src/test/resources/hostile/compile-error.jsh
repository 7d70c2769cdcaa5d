// EXERCISE 2.1 — Class activation map (3 points)
// expect: does not compile: cell line 5: cannot find symbol
// sandbox: FAIL does not compile
NDArray classActivationMap(NDArray features, NDArray classWeights) {
    return features.mull(classWeights.reshape(-1, 1, 1)).sum(new int[] {0});
}
