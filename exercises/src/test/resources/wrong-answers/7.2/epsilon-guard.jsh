// EXERCISE 7.2 — Spearman rank correlation (3 points)
// "Constant" tested as max − min < 1e-6 on the values: tiny but distinct values give NaN.
double spearman(float[] a, float[] b) {
    if (spread(a) < 1e-6 || spread(b) < 1e-6) return Double.NaN;   // constant: no ranking
    double[] ra = ranks(a), rb = ranks(b);
    int n = a.length;
    double ma = 0, mb = 0;
    for (int i = 0; i < n; i++) { ma += ra[i] / n; mb += rb[i] / n; }
    double sab = 0, saa = 0, sbb = 0;
    for (int i = 0; i < n; i++) { sab += (ra[i] - ma) * (rb[i] - mb); saa += (ra[i] - ma) * (ra[i] - ma); sbb += (rb[i] - mb) * (rb[i] - mb); }
    return sab / Math.sqrt(saa * sbb);
}
double spread(float[] v) {
    float min = Float.MAX_VALUE, max = -Float.MAX_VALUE;
    for (float x : v) { min = Math.min(min, x); max = Math.max(max, x); }
    return max - min;
}
double[] ranks(float[] v) {
    double[] r = new double[v.length];
    for (int i = 0; i < v.length; i++) {
        int less = 0, equal = 0;
        for (float x : v) { if (x < v[i]) less++; if (x == v[i]) equal++; }
        r[i] = less + (equal + 1) / 2.0;
    }
    return r;
}
