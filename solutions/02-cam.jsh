// Reference answers for notebooks/02-cam.ipynb.
// One section per exercise: it starts with the exercise's marker line and runs to the next marker.
// Graded with: ./mvnw test -Dcamlab.grade=solutions

// EXERCISE 2.1 — Class activation map (3 points)
/** M(i,j) = Σ_k w_k · A_k(i,j). features: [K,h,w]; classWeights: [K] (one row of the Linear weight). Returns [h,w]. */
NDArray classActivationMap(NDArray features, NDArray classWeights) {
    long channels = classWeights.getShape().get(0);
    return features.mul(classWeights.reshape(channels, 1, 1)).sum(new int[] {0});
}
