// EXERCISE 4.1 — Erasing mask (3 points)
// Erases only values strictly above δ: a value exactly at δ is kept.
NDArray erasingMask(NDArray maps, float delta) {
    long b = maps.getShape().get(0);
    NDArray flat = maps.reshape(b, -1);
    NDArray min = flat.min(new int[] {1}, true);
    NDArray range = flat.max(new int[] {1}, true).sub(min);
    NDArray norm = flat.sub(min).div(range.add(range.eq(0f).toType(DataType.FLOAT32, false)));
    return norm.lte(delta).toType(DataType.FLOAT32, false).reshape(maps.getShape());
}
