// EXERCISE 3.3 — Counterfactual map (2 points)
// Right values, but negates the caller's weights in place (negi).
NDArray counterfactualMap(NDArray activations, NDArray weights) {
    return activations.mul(weights.negi().expandDims(2).expandDims(3)).sum(new int[] {1}).maximum(0f);
}
