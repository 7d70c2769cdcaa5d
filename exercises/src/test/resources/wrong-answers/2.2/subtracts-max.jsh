// EXERCISE 2.2 — Min-max normalisation (2 points)
// Subtracts the max instead of the min: values land in [-1, 0].
NDArray minMaxNormalize(NDArray map) {
    float min = map.min().getFloat();
    float max = map.max().getFloat();
    return max == min ? map.zerosLike() : map.sub(max).div(max - min);
}
