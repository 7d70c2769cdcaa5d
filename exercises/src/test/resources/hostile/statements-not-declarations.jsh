// EXERCISE 2.1 — Class activation map (3 points)
// expect: only declarations
// sandbox: FAIL only declarations
NDArray classActivationMap(NDArray features, NDArray classWeights) {
    return features.mul(classWeights.reshape(-1, 1, 1)).sum(new int[] {0});
}
System.out.println(classActivationMap(features, weights));
