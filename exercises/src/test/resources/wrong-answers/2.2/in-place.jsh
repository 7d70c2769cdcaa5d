// EXERCISE 2.2 — Min-max normalisation (2 points)
// Right values, but normalises the caller's map in place (subi/divi).
NDArray minMaxNormalize(NDArray map) {
    float min = map.min().getFloat();
    float max = map.max().getFloat();
    if (max == min) return map.zerosLike();
    return map.subi(min).divi(max - min);
}
