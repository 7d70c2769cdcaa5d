// EXERCISE 3.2 — Grad-CAM map (2 points)
// Applies the ReLU to the weights instead of to the map.
NDArray gradCamMap(NDArray activations, NDArray weights) {
    return activations.mul(weights.maximum(0f).expandDims(2).expandDims(3)).sum(new int[] {1});
}
