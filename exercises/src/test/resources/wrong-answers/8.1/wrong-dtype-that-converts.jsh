// EXERCISE 8.1 — LayerCAM map (2 points)
// Right values, returned as float64.
NDArray layerCamMap(NDArray activations, NDArray gradients) {
    return activations.mul(gradients.maximum(0f)).sum(new int[] {1}).maximum(0f).toType(DataType.FLOAT64, false);
}
