// EXERCISE 4.2 — Erasing the features (2 points)
// Multiplies by the mask converted to float64: the result is float64.
NDArray eraseFeatures(NDArray features, NDArray keepMask) {
    return features.mul(keepMask.expandDims(1).toType(DataType.FLOAT64, false));
}
