// EXERCISE 4.2 — Erasing the features (2 points)
// Erases the caller's features in place when the batch has one image.
NDArray eraseFeatures(NDArray features, NDArray keepMask) {
    if (features.getShape().get(0) == 1) return features.muli(keepMask.expandDims(1));   // one image: save memory
    return features.mul(keepMask.expandDims(1));
}
