// EXERCISE 2.2 — Min-max normalisation (2 points)
// Turns a constant map into ones: everything stands out.
NDArray minMaxNormalize(NDArray map) {
    float min = map.min().getFloat();
    float max = map.max().getFloat();
    return max == min ? map.onesLike() : map.sub(min).div(max - min);
}
