// EXERCISE 8.1 — LayerCAM map (2 points)
// Rectifies the caller's gradients in place to save an array.
NDArray layerCamMap(NDArray activations, NDArray gradients) {
    gradients.muli(gradients.gt(0f).toType(DataType.FLOAT32, false));
    return activations.mul(gradients).sum(new int[] {1}).maximum(0f);
}
