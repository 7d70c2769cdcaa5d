// EXERCISE 2.1 — Class activation map (3 points)
// expect: the grading JVM stopped unexpectedly (exit code 9)
// sandbox: FAIL the grading JVM stopped unexpectedly (exit code 9)
NDArray classActivationMap(NDArray features, NDArray classWeights) {
    Runtime.getRuntime().halt(9);
    return features;
}
