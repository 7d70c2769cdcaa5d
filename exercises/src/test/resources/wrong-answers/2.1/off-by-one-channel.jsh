// EXERCISE 2.1 — Class activation map (3 points)
// Loops over the channels but skips the last one (k < K - 1).
NDArray classActivationMap(NDArray features, NDArray classWeights) {
    long k = features.getShape().get(0);
    NDArray m = features.getManager().zeros(new Shape(features.getShape().get(1), features.getShape().get(2)));
    for (long c = 0; c < k - 1; c++) {
        m = m.add(features.get(c).mul(classWeights.getFloat(c)));
    }
    return m;
}
