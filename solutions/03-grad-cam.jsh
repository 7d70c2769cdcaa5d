// Reference answers for notebooks/03-grad-cam.ipynb.
// One section per exercise: it starts with the exercise's marker line and runs to the next marker.
// Graded with: ./mvnw test -Dcamlab.grade=solutions

// EXERCISE 3.1 — Grad-CAM channel weights (3 points)
/** α_k = (1/(h·w)) · Σ_i Σ_j ∂y^c/∂A_k(i,j), y^c = the logit of class c from model's head. activations: [B,K,h,w]. Returns [B,K] float32. */
NDArray gradCamWeights(Classifier model, NDArray activations, int classIndex) {
    NDArray leaf = model.gradientLeaf(activations);              // a fresh array that records gradients
    try (var collector = ai.djl.engine.Engine.getInstance().newGradientCollector()) {
        NDArray logits = model.headForGradients(leaf);           // [B, C]
        collector.backward(logits.get(":, " + classIndex).sum()); // images are independent: one backward for all
    }
    return leaf.getGradient().mean(new int[] {3}).mean(new int[] {2});
}

// EXERCISE 3.2 — Grad-CAM map (2 points)
/** L = ReLU(Σ_k α_k · A_k) per image. activations: [B,K,h,w]; weights: [B,K]. Returns [B,h,w] float32. */
NDArray gradCamMap(NDArray activations, NDArray weights) {
    long b = weights.getShape().get(0);
    long k = weights.getShape().get(1);
    return activations.mul(weights.reshape(b, k, 1, 1)).sum(new int[] {1}).maximum(0f);
}

// EXERCISE 3.3 — Counterfactual map (2 points)
/** L_cf = ReLU(Σ_k (−α_k) · A_k) per image, α = Grad-CAM's weights. activations: [B,K,h,w], of either sign; weights: [B,K]. Returns [B,h,w] float32. */
NDArray counterfactualMap(NDArray activations, NDArray weights) {
    long b = weights.getShape().get(0);
    long k = weights.getShape().get(1);
    return activations.mul(weights.neg().reshape(b, k, 1, 1)).sum(new int[] {1}).maximum(0f);
}
