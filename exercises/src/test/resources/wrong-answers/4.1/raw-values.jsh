// EXERCISE 4.1 — Erasing mask (3 points)
// Compares the raw map with δ, without normalising it.
NDArray erasingMask(NDArray maps, float delta) {
    return maps.lt(delta).toType(DataType.FLOAT32, false);
}
