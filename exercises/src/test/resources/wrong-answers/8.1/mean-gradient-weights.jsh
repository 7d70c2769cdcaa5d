// EXERCISE 8.1 — LayerCAM map (2 points)
// Averages the positive gradient over the positions first, one weight per channel, as Grad-CAM does.
NDArray layerCamMap(NDArray activations, NDArray gradients) {
    NDArray weights = gradients.maximum(0f).mean(new int[] {3}, true).mean(new int[] {2}, true);
    return activations.mul(weights).sum(new int[] {1}).maximum(0f);
}
