// EXERCISE 3.3 — Counterfactual map (2 points)
// Forgets to negate the weights: this is the Grad-CAM map.
NDArray counterfactualMap(NDArray activations, NDArray weights) {
    return activations.mul(weights.expandDims(2).expandDims(3)).sum(new int[] {1}).maximum(0f);
}
