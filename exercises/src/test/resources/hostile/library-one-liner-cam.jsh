// EXERCISE 2.1 — Class activation map (3 points)
// expect: 2.1 asks you to write this yourself: calling Cam.classActivationMaps (cell line 5) is not allowed here
// sandbox: PASS
NDArray classActivationMap(NDArray features, NDArray classWeights) {
    return camlab.explain.Cam.classActivationMaps(features.expandDims(0), classWeights.expandDims(0), new int[] {0}).squeeze(0);
}
