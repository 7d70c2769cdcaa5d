// EXERCISE 2.1 — Class activation map (3 points)
// expect: cell 2.1 must define `NDArray classActivationMap(NDArray features, NDArray classWeights)`, but it defines `NDArray classActivationMap(NDArray features)`
// sandbox: FAIL must define
NDArray classActivationMap(NDArray features) {
    return features.sum(new int[] {0});
}
