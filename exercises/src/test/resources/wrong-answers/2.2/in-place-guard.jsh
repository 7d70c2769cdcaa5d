// EXERCISE 2.2 — Min-max normalisation (2 points)
// Zeroes the caller's map in place when it is constant.
NDArray minMaxNormalize(NDArray map) {
    float min = map.min().getFloat();
    float max = map.max().getFloat();
    if (max == min) return map.muli(0);   // constant: all zeros
    return map.sub(min).div(max - min);
}
