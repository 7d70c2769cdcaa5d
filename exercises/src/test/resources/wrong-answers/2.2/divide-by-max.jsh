// EXERCISE 2.2 — Min-max normalisation (2 points)
// Divides by the max only (the CAM ILSVRC code's normalisation), without subtracting the min.
NDArray minMaxNormalize(NDArray map) {
    float max = map.max().getFloat();
    return max == 0 ? map.zerosLike() : map.div(max);
}
