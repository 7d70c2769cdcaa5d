// EXERCISE 3.3 — Counterfactual map (2 points)
// Negates the Grad-CAM map: −ReLU(Σ α A) is never positive.
NDArray counterfactualMap(NDArray activations, NDArray weights) {
    return activations.mul(weights.expandDims(2).expandDims(3)).sum(new int[] {1}).maximum(0f).neg();
}
