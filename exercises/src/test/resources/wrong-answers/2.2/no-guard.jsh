// EXERCISE 2.2 — Min-max normalisation (2 points)
// No guard for constant maps: 0/0 gives NaN.
NDArray minMaxNormalize(NDArray map) {
    return map.sub(map.min()).div(map.max().sub(map.min()));
}
