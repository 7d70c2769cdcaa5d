// EXERCISE 4.1 — Erasing mask (3 points)
// No guard: a constant map normalises to NaN, and NaN < δ is false, so everything is erased.
NDArray erasingMask(NDArray maps, float delta) {
    long b = maps.getShape().get(0);
    NDArray flat = maps.reshape(b, -1);
    NDArray min = flat.min(new int[] {1}, true);
    NDArray norm = flat.sub(min).div(flat.max(new int[] {1}, true).sub(min));
    return norm.lt(delta).toType(DataType.FLOAT32, false).reshape(maps.getShape());
}
