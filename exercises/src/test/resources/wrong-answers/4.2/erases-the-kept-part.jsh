// EXERCISE 4.2 — Erasing the features (2 points)
// Multiplies by 1 − mask: keeps exactly what should be erased.
NDArray eraseFeatures(NDArray features, NDArray keepMask) {
    return features.mul(keepMask.neg().add(1f).expandDims(1));
}
