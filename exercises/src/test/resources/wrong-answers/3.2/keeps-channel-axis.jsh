// EXERCISE 3.2 — Grad-CAM map (2 points)
// Keeps the summed channel axis: returns [B,1,h,w].
NDArray gradCamMap(NDArray activations, NDArray weights) {
    return activations.mul(weights.expandDims(2).expandDims(3)).sum(new int[] {1}, true).maximum(0f);
}
