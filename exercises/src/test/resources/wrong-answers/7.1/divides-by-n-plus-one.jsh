// EXERCISE 7.1 — Deletion AUC (2 points)
// The trapezoids divided by the number of points n + 1 instead of the number of intervals n.
double deletionAuc(double[] scores) {
    double area = 0;
    for (int t = 1; t < scores.length; t++) area += (scores[t - 1] + scores[t]) / 2;
    return area / scores.length;
}
