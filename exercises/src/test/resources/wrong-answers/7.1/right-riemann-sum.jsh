// EXERCISE 7.1 — Deletion AUC (2 points)
// A right Riemann sum: each interval takes its right end, s_1..s_n, and s_0 is never used.
double deletionAuc(double[] scores) {
    double sum = 0;
    for (int t = 1; t < scores.length; t++) sum += scores[t];
    return sum / (scores.length - 1);
}
