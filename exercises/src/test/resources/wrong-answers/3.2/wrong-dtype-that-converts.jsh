// EXERCISE 3.2 — Grad-CAM map (2 points)
// Right values, summed on the host in double and returned as float64.
NDArray gradCamMap(NDArray activations, NDArray weights) {
    long[] s = activations.getShape().getShape();
    float[] a = activations.toFloatArray();
    float[] w = weights.toFloatArray();
    int hw = (int) (s[2] * s[3]);
    double[] out = new double[(int) (s[0] * hw)];
    for (int b = 0; b < s[0]; b++)
        for (int k = 0; k < s[1]; k++)
            for (int p = 0; p < hw; p++) out[b * hw + p] += (double) w[(int) (b * s[1] + k)] * a[(int) ((b * s[1] + k) * hw + p)];
    for (int i = 0; i < out.length; i++) out[i] = Math.max(0, out[i]);
    return activations.getManager().create(out, new Shape(s[0], s[2], s[3]));
}
