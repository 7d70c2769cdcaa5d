// EXERCISE 4.2 — Erasing the features (2 points)
// Applies image 0's mask to every image.
NDArray eraseFeatures(NDArray features, NDArray keepMask) {
    return features.mul(keepMask.get(0));
}
