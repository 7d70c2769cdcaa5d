// EXERCISE 5.1 — 1x1 convolution as a matrix product (3 points)
// Forgets the bias: this is CAM's M_c, not the convolution's S_c.
NDArray conv1x1(NDArray features, NDArray weight, NDArray bias) {
    long[] s = features.getShape().getShape();
    long c = weight.getShape().get(0);
    return weight.matMul(features.reshape(s[0], s[1], s[2] * s[3])).reshape(s[0], c, s[2], s[3]);
}
