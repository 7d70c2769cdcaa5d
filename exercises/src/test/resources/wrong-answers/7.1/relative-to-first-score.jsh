// EXERCISE 7.1 — Deletion AUC (2 points)
// Divides the area by the starting score s_0: a relative area, not in the units of the scores.
double deletionAuc(double[] scores) {
    double area = 0;
    int n = scores.length - 1;
    for (int t = 1; t <= n; t++) area += (scores[t - 1] + scores[t]) / 2;
    return area / n / scores[0];
}
