// Reference answers for notebooks/01-gap.ipynb.
// One section per exercise: it starts with the exercise's marker line and runs to the next marker.
// Graded with: ./mvnw test -Dcamlab.grade=solutions

// EXERCISE 1.1 — Global average pooling (2 points)
/** GAP(A)_k = (1/(h·w)) · Σ_i Σ_j A_k(i,j). features: [K,h,w] (one image; grids up to 1024x1024). Returns [K] float32, accurate to float precision. */
NDArray globalAveragePool(NDArray features) {
    return features.mean(new int[] {2}).mean(new int[] {1});   // one axis per call (PyTorch engine)
}

// EXERCISE 1.2 — Parameters of the two heads (3 points)
/**
 * Trainable parameters of the two heads on activations [K,h,w], returned as {fcHead, gapHead}:
 * FC head = flatten → Linear(hidden, with bias) → ReLU → Linear(classes, with bias);
 * GAP head = global average pooling → Linear(classes, without bias).
 * Each count can exceed Integer.MAX_VALUE on its own: compute in long.
 */
long[] headParameterCounts(int channels, int height, int width, int hidden, int classes) {
    long flattened = (long) channels * height * width;
    long fcHead = flattened * hidden + hidden + (long) hidden * classes + classes;
    long gapHead = (long) channels * classes;
    return new long[] {fcHead, gapHead};
}
