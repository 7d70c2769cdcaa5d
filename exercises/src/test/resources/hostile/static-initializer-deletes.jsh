// EXERCISE 2.1 — Class activation map (3 points)
// expect: cell line 5 creates a java.io.File: an exercise cell may not read or write files
// sandbox: PASS
// Deletes a file while its fields are set up, before any test.
static final boolean GONE = new java.io.File("/tmp/camlab-hostile-canary").delete();

NDArray classActivationMap(NDArray features, NDArray classWeights) {
    return features.mul(classWeights.reshape(-1, 1, 1)).sum(new int[] {0});
}
