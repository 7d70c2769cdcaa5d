// EXERCISE 8.1 — LayerCAM map (2 points)
// Keeps negative sums: forgets the outer ReLU (with ReLU(g) ≥ 0 it looks unnecessary).
NDArray layerCamMap(NDArray activations, NDArray gradients) {
    return activations.mul(gradients.maximum(0f)).sum(new int[] {1});
}
