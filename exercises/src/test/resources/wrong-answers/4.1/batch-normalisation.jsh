// EXERCISE 4.1 — Erasing mask (3 points)
// Normalises with the min and max of the whole batch, not of each map.
NDArray erasingMask(NDArray maps, float delta) {
    float min = maps.min().getFloat();
    float max = maps.max().getFloat();
    NDArray norm = max == min ? maps.zerosLike() : maps.sub(min).div(max - min);
    return norm.lt(delta).toType(DataType.FLOAT32, false);
}
