// EXERCISE 3.3 — Counterfactual map (2 points)
// Computes in float64 "for precision" and returns float64.
NDArray counterfactualMap(NDArray activations, NDArray weights) {
    long b = weights.getShape().get(0), k = weights.getShape().get(1);
    NDArray a = activations.toType(DataType.FLOAT64, false);
    NDArray w = weights.toType(DataType.FLOAT64, false).neg();
    return a.mul(w.reshape(b, k, 1, 1)).sum(new int[] {1}).maximum(0.0);
}
