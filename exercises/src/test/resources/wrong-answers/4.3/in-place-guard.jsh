// EXERCISE 4.3 — Fusing the two maps (2 points)
// Zeroes a constant map in place through a reshape of the caller's array (the same memory).
NDArray fuseMaps(NDArray mapsA, NDArray mapsB) {
    return norm(mapsA).maximum(norm(mapsB));
}
NDArray norm(NDArray maps) {
    long b = maps.getShape().get(0);
    NDArray flat = maps.reshape(b, -1);
    NDArray min = flat.min(new int[] {1}, true);
    NDArray range = flat.max(new int[] {1}, true).sub(min);
    if (range.min().getFloat() == 0f) {   // some map is constant: its range is 0; make it all zeros in place
        NDArray constant = range.eq(0f).toType(DataType.FLOAT32, false);
        flat.muli(constant.neg().add(1f));
        min = flat.min(new int[] {1}, true);
        range = flat.max(new int[] {1}, true).sub(min).add(constant);
    }
    return flat.sub(min).div(range).reshape(maps.getShape());
}
