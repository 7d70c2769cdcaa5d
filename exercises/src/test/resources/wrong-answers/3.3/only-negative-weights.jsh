// EXERCISE 3.3 — Counterfactual map (2 points)
// Keeps only the channels with negative weights, ReLU(−α), and drops the positive evidence from the sum.
NDArray counterfactualMap(NDArray activations, NDArray weights) {
    return activations.mul(weights.neg().maximum(0f).expandDims(2).expandDims(3)).sum(new int[] {1}).maximum(0f);
}
