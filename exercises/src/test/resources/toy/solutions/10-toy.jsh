// Reference answer for the toy exercise 10.1 (exercises/src/test/resources/toy/notebooks/10-toy.ipynb).

// EXERCISE 10.1 — ReLU of a map (1 point)
/** max(M, 0) for every pixel. map: [h,w]. Returns [h,w] float32; the map is left unchanged. */
NDArray relu(NDArray map) {
    return map.maximum(0f);
}
