// EXERCISE 2.1 — Class activation map (3 points)
// expect: timed out after
// sandbox: FAIL timed out after
NDArray classActivationMap(NDArray features, NDArray classWeights) {
    long spins = 0;
    while (spins >= 0) spins = (spins + 1) % 1000;
    return features;
}
