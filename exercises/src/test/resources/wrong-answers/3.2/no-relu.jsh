// EXERCISE 3.2 — Grad-CAM map (2 points)
// Forgets the ReLU: keeps the negative evidence (that is CAM, not Grad-CAM).
NDArray gradCamMap(NDArray activations, NDArray weights) {
    return activations.mul(weights.expandDims(2).expandDims(3)).sum(new int[] {1});
}
