// Reference answers for notebooks/04-acol.ipynb.
// One section per exercise: it starts with the exercise's marker line and runs to the next marker.
// Graded with: ./mvnw test -Dcamlab.grade=solutions

// EXERCISE 4.1 — Erasing mask (3 points)
/** Per map: minmax-normalise (constant, max = min → zeros), then 0 where ≥ δ (erased), 1 where < δ (kept). maps: [B,h,w]. Returns [B,h,w] float32. */
NDArray erasingMask(NDArray maps, float delta) {
    long b = maps.getShape().get(0);
    NDArray flat = maps.reshape(b, -1);                                     // one row per map
    NDArray min = flat.min(new int[] {1}, true);
    NDArray range = flat.max(new int[] {1}, true).sub(min);
    NDArray safeRange = range.add(range.eq(0f).toType(DataType.FLOAT32, false)); // constant map: divide 0 by 1
    NDArray normalised = flat.sub(min).div(safeRange);
    return normalised.lt(delta).toType(DataType.FLOAT32, false).reshape(maps.getShape());
}

// EXERCISE 4.2 — Erasing the features (2 points)
/** Ã = A ⊙ mask, image b's mask applied to all its channels. features: [B,K,h,w]; keepMask: [B,h,w]. Returns [B,K,h,w] float32. */
NDArray eraseFeatures(NDArray features, NDArray keepMask) {
    return features.mul(keepMask.expandDims(1));
}

// EXERCISE 4.3 — Fusing the two maps (2 points)
/** max(minmax(M_A), minmax(M_B)) element-wise, each map normalised on its own (max = min → zeros). mapsA, mapsB: [B,h,w]. Returns [B,h,w] float32. */
NDArray fuseMaps(NDArray mapsA, NDArray mapsB) {
    return perMapMinMax(mapsA).maximum(perMapMinMax(mapsB));
}

NDArray perMapMinMax(NDArray maps) {
    long b = maps.getShape().get(0);
    NDArray flat = maps.reshape(b, -1);
    NDArray min = flat.min(new int[] {1}, true);
    NDArray range = flat.max(new int[] {1}, true).sub(min);
    NDArray safeRange = range.add(range.eq(0f).toType(DataType.FLOAT32, false));
    return flat.sub(min).div(safeRange).reshape(maps.getShape());
}
