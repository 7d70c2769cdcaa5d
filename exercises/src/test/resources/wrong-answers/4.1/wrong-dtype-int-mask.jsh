// EXERCISE 4.1 — Erasing mask (3 points)
// Converts the comparison to int32, not float32.
NDArray erasingMask(NDArray maps, float delta) {
    long b = maps.getShape().get(0);
    NDArray flat = maps.reshape(b, -1);
    NDArray min = flat.min(new int[] {1}, true);
    NDArray range = flat.max(new int[] {1}, true).sub(min);
    NDArray safe = range.add(range.eq(0f).toType(DataType.FLOAT32, false));
    return flat.sub(min).div(safe).lt(delta).toType(DataType.INT32, false).reshape(maps.getShape());
}
