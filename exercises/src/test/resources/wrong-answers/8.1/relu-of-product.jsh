// EXERCISE 8.1 — LayerCAM map (2 points)
// Rectifies the product g·A instead of the gradient: a negative activation with a negative gradient counts as evidence.
NDArray layerCamMap(NDArray activations, NDArray gradients) {
    return activations.mul(gradients).maximum(0f).sum(new int[] {1}).maximum(0f);
}
