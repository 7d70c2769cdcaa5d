// Reference answers for notebooks/05-conv1x1-maps.ipynb.
// One section per exercise: it starts with the exercise's marker line and runs to the next marker.
// Graded with: ./mvnw test -Dcamlab.grade=solutions

// EXERCISE 5.1 — 1x1 convolution as a matrix product (3 points)
/** S_c(i,j) = Σ_k W_ck · A_k(i,j) + b_c. features: [B,K,h,w]; weight: [C,K]; bias: [C]. Returns [B,C,h,w] float32. */
NDArray conv1x1(NDArray features, NDArray weight, NDArray bias) {
    long[] s = features.getShape().getShape();                       // B, K, h, w
    long c = weight.getShape().get(0);
    NDArray positions = features.reshape(s[0], s[1], s[2] * s[3]);   // [B, K, h·w]: one column per position
    NDArray maps = weight.matMul(positions);                         // [C, K] × [B, K, h·w] → [B, C, h·w]
    return maps.add(bias.reshape(1, c, 1)).reshape(s[0], c, s[2], s[3]);
}

// EXERCISE 5.2 — Logits from class maps (2 points)
/** logit_c = mean over (i,j) of S_c(i,j). classMaps: [B,C,h,w]. Returns [B,C] float32. */
NDArray logitsFromClassMaps(NDArray classMaps) {
    return classMaps.mean(new int[] {3}).mean(new int[] {2});
}
