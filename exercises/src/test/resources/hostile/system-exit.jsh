// EXERCISE 2.1 — Class activation map (3 points)
// expect: called System.exit(3) at cell line 5
// sandbox: FAIL called System.exit(3) at cell line
NDArray classActivationMap(NDArray features, NDArray classWeights) {
    System.exit(3);
    return features;
}
