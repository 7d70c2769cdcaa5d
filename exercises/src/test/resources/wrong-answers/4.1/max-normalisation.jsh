// EXERCISE 4.1 — Erasing mask (3 points)
// Divides by the max only (no min subtracted) before thresholding.
NDArray erasingMask(NDArray maps, float delta) {
    long b = maps.getShape().get(0);
    NDArray flat = maps.reshape(b, -1);
    NDArray max = flat.max(new int[] {1}, true);
    NDArray norm = flat.div(max.add(max.eq(0f).toType(DataType.FLOAT32, false)));
    return norm.lt(delta).toType(DataType.FLOAT32, false).reshape(maps.getShape());
}
