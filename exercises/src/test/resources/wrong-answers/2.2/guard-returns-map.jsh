// EXERCISE 2.2 — Min-max normalisation (2 points)
// Returns a constant map unchanged (3.5 stays 3.5, outside [0, 1]).
NDArray minMaxNormalize(NDArray map) {
    float min = map.min().getFloat();
    float max = map.max().getFloat();
    return max == min ? map : map.sub(min).div(max - min);
}
