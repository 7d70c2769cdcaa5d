// EXERCISE 4.2 — Erasing the features (2 points)
// Right values, but erases the caller's features in place (muli).
NDArray eraseFeatures(NDArray features, NDArray keepMask) {
    return features.muli(keepMask.expandDims(1));
}
