// EXERCISE 5.1 — 1x1 convolution as a matrix product (3 points)
// Computes in float64 "for precision" and returns float64.
NDArray conv1x1(NDArray features, NDArray weight, NDArray bias) {
    long[] s = features.getShape().getShape();
    long c = weight.getShape().get(0);
    NDArray maps = weight.toType(DataType.FLOAT64, false).matMul(features.toType(DataType.FLOAT64, false).reshape(s[0], s[1], s[2] * s[3]));
    return maps.add(bias.toType(DataType.FLOAT64, false).reshape(1, c, 1)).reshape(s[0], c, s[2], s[3]);
}
