// EXERCISE 4.1 — Erasing mask (3 points)
// Erases from δ − 0.001 on, "for rounding": values just below δ are erased too.
NDArray erasingMask(NDArray maps, float delta) {
    long b = maps.getShape().get(0);
    NDArray flat = maps.reshape(b, -1);
    NDArray min = flat.min(new int[] {1}, true);
    NDArray range = flat.max(new int[] {1}, true).sub(min);
    NDArray safe = range.add(range.eq(0f).toType(DataType.FLOAT32, false));
    NDArray normalised = flat.sub(min).div(safe);
    return normalised.lt(delta - 1e-3f).toType(DataType.FLOAT32, false).reshape(maps.getShape());   // a little margin for rounding at δ
}
