// EXERCISE 7.2 — Spearman rank correlation (3 points)
// Pearson's correlation of the values themselves: no ranking at all.
double spearman(float[] a, float[] b) {
    double[] x = new double[a.length], y = new double[b.length];
    for (int i = 0; i < a.length; i++) { x[i] = a[i]; y[i] = b[i]; }
    return pearson(x, y);
}

double pearson(double[] x, double[] y) {
    int n = x.length;
    double mx = 0, my = 0;
    for (int i = 0; i < n; i++) { mx += x[i]; my += y[i]; }
    mx /= n; my /= n;
    double sxy = 0, sxx = 0, syy = 0;
    for (int i = 0; i < n; i++) {
        sxy += (x[i] - mx) * (y[i] - my);
        sxx += (x[i] - mx) * (x[i] - mx);
        syy += (y[i] - my) * (y[i] - my);
    }
    return sxy / Math.sqrt(sxx * syy);
}
