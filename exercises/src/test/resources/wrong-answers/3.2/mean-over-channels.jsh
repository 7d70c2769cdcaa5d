// EXERCISE 3.2 — Grad-CAM map (2 points)
// Averages the weighted channels instead of summing them.
NDArray gradCamMap(NDArray activations, NDArray weights) {
    return activations.mul(weights.expandDims(2).expandDims(3)).mean(new int[] {1}).maximum(0f);
}
