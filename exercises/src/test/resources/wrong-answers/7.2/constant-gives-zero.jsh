// EXERCISE 7.2 — Spearman rank correlation (3 points)
// Returns 0 for a constant input instead of NaN: "no correlation" where there is no ranking at all.
double spearman(float[] a, float[] b) {
    double rho = pearson(averageRanks(a), averageRanks(b));
    return Double.isNaN(rho) ? 0 : rho;
}

double[] averageRanks(float[] values) {
    Integer[] order = new Integer[values.length];
    for (int i = 0; i < order.length; i++) order[i] = i;
    Arrays.sort(order, (i, j) -> Float.compare(values[i], values[j]));
    double[] ranks = new double[values.length];
    for (int start = 0; start < order.length; ) {
        int end = start;
        while (end + 1 < order.length && values[order[end + 1]] == values[order[start]]) end++;
        for (int k = start; k <= end; k++) ranks[order[k]] = (start + end) / 2.0 + 1;
        start = end + 1;
    }
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
