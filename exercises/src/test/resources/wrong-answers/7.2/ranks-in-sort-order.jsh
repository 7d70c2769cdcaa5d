// EXERCISE 7.2 — Spearman rank correlation (3 points)
// Ranks by position in the sorted order: tied values get different ranks instead of their average.
double spearman(float[] a, float[] b) {
    return pearson(ordinalRanks(a), ordinalRanks(b));
}

double[] ordinalRanks(float[] values) {
    Integer[] order = new Integer[values.length];
    for (int i = 0; i < order.length; i++) order[i] = i;
    Arrays.sort(order, (i, j) -> Float.compare(values[i], values[j]));
    double[] ranks = new double[values.length];
    for (int k = 0; k < order.length; k++) ranks[order[k]] = k + 1;
    return ranks;
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
