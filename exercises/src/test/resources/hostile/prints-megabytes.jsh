// EXERCISE 2.1 — Class activation map (3 points)
// expect: printed more than 1 MB
// sandbox: FAIL printed more than 1 MB
NDArray classActivationMap(NDArray features, NDArray classWeights) {
    for (int i = 0; i < 1_000_000; i++) System.out.println("debugging " + i + " " + "#".repeat(80));
    return features.mul(classWeights.reshape(-1, 1, 1)).sum(new int[] {0});
}
