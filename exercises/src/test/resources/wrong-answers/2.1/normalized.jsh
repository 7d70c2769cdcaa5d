// EXERCISE 2.1 — Class activation map (3 points)
// Normalizes the map to [0, 1]: a display step, not part of M.
NDArray classActivationMap(NDArray features, NDArray classWeights) {
    NDArray m = features.mul(classWeights.reshape(-1, 1, 1)).sum(new int[] {0});
    return m.sub(m.min()).div(m.max().sub(m.min()).add(1e-12f));
}
