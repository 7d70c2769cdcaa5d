// EXERCISE 2.2 — Min-max normalisation (2 points)
// "Constant" tested as max − min < 1e-6: a map with a tiny but non-zero range becomes zeros.
NDArray minMaxNormalize(NDArray map) {
    float min = map.min().getFloat();
    float max = map.max().getFloat();
    if (max - min < 1e-6f) return map.zerosLike();   // "constant"
    return map.sub(min).div(max - min);
}
