// EXERCISE 7.2 — Spearman rank correlation (3 points)
// Sorts the caller's arrays in place to find the ranks.
double spearman(float[] a, float[] b) {
    return pearson(ranks(a), ranks(b));
}

double[] ranks(float[] values) {
    float[] original = values.clone();
    Arrays.sort(values);                                   // sorts the caller's map
    double[] ranks = new double[values.length];
    for (int i = 0; i < original.length; i++) {
        int first = 0, last = 0;
        while (values[first] < original[i]) first++;
        last = first;
        while (last + 1 < values.length && values[last + 1] == original[i]) last++;
        ranks[i] = (first + last) / 2.0 + 1;
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
