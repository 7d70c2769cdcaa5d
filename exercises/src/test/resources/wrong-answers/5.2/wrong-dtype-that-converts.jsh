// EXERCISE 5.2 — Logits from class maps (2 points)
// Right values, averaged on the host in double and returned as float64.
NDArray logitsFromClassMaps(NDArray classMaps) {
    long[] s = classMaps.getShape().getShape();
    int hw = (int) (s[2] * s[3]);
    float[] v = classMaps.toFloatArray();
    double[] out = new double[(int) (s[0] * s[1])];
    for (int i = 0; i < out.length; i++) {
        for (int p = 0; p < hw; p++) out[i] += v[i * hw + p];
        out[i] /= hw;
    }
    return classMaps.getManager().create(out, new Shape(s[0], s[1]));
}
