// EXERCISE 2.2 — Min-max normalisation (2 points)
// Right values, computed on the host in double and returned as float64.
NDArray minMaxNormalize(NDArray map) {
    float[] v = map.toFloatArray();
    double min = Double.MAX_VALUE, max = -Double.MAX_VALUE;
    for (float x : v) { min = Math.min(min, x); max = Math.max(max, x); }
    double[] out = new double[v.length];
    if (max > min) for (int i = 0; i < v.length; i++) out[i] = (v[i] - min) / (max - min);
    return map.getManager().create(out, map.getShape());
}
