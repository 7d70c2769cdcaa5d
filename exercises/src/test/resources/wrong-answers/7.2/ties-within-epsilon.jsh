// EXERCISE 7.2 — Spearman rank correlation (3 points)
// Values within a relative 1e-6 of each other count as tied: distinct values share a rank.
double spearman(float[] a, float[] b) {
    double[] ra = ranks(a), rb = ranks(b);
    int n = a.length;
    double ma = 0, mb = 0;
    for (int i = 0; i < n; i++) { ma += ra[i] / n; mb += rb[i] / n; }
    double sab = 0, saa = 0, sbb = 0;
    for (int i = 0; i < n; i++) { sab += (ra[i] - ma) * (rb[i] - mb); saa += (ra[i] - ma) * (ra[i] - ma); sbb += (rb[i] - mb) * (rb[i] - mb); }
    return sab / Math.sqrt(saa * sbb);
}
double[] ranks(float[] v) {
    Integer[] order = new Integer[v.length];
    for (int i = 0; i < order.length; i++) order[i] = i;
    Arrays.sort(order, (i, j) -> Float.compare(v[i], v[j]));
    double[] r = new double[v.length];
    for (int start = 0; start < order.length; ) {
        int end = start;
        // float noise: values within 1e-6 (relative) of each other are the same value
        while (end + 1 < order.length && Math.abs(v[order[end + 1]] - v[order[end]]) <= 1e-6f * Math.abs(v[order[end]])) end++;
        for (int k = start; k <= end; k++) r[order[k]] = (start + end) / 2.0 + 1;
        start = end + 1;
    }
    return r;
}
