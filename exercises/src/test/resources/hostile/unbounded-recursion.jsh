// EXERCISE 2.1 — Class activation map (3 points)
// expect: stack overflow at cell line 5
// sandbox: FAIL stack overflow at cell line
NDArray classActivationMap(NDArray features, NDArray classWeights) {
    return classActivationMap(features, classWeights);
}
