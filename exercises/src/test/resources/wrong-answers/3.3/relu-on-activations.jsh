// EXERCISE 3.3 — Counterfactual map (2 points)
// Clamps the activations at 0 first, as if they always came after a ReLU: wrong for a layer before its ReLU.
NDArray counterfactualMap(NDArray activations, NDArray weights) {
    long b = weights.getShape().get(0);
    long k = weights.getShape().get(1);
    return activations.maximum(0f).mul(weights.neg().reshape(b, k, 1, 1)).sum(new int[] {1}).maximum(0f);
}
