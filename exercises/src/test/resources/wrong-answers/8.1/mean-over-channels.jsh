// EXERCISE 8.1 — LayerCAM map (2 points)
// Averages the weighted channels instead of summing them.
NDArray layerCamMap(NDArray activations, NDArray gradients) {
    return activations.mul(gradients.maximum(0f)).mean(new int[] {1}).maximum(0f);
}
