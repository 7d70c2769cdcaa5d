// EXERCISE 2.2 — Min-max normalisation (2 points)
// An epsilon in the denominator instead of a guard: a tiny but non-zero range no longer maps onto [0, 1].
NDArray minMaxNormalize(NDArray map) {
    NDArray min = map.min();
    return map.sub(min).div(map.max().sub(min).add(1e-8f));   // the epsilon avoids 0/0
}
