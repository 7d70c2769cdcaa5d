// EXERCISE 4.2 — Erasing the features (2 points)
// Puts the new axis in front, [1,B,h,w]: image b's mask lands on channel b of every image.
NDArray eraseFeatures(NDArray features, NDArray keepMask) {
    return features.mul(keepMask.expandDims(0));
}
