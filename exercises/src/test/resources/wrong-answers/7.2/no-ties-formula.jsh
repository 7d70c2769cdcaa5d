// EXERCISE 7.2 — Spearman rank correlation (3 points)
// 1 − 6Σd²/(n(n² − 1)) on average ranks: exact only when there are no ties.
double spearman(float[] a, float[] b) {
    double[] ra = averageRanks(a), rb = averageRanks(b);
    double n = a.length, sum = 0;
    for (int i = 0; i < a.length; i++) sum += (ra[i] - rb[i]) * (ra[i] - rb[i]);
    return 1 - 6 * sum / (n * (n * n - 1));
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
