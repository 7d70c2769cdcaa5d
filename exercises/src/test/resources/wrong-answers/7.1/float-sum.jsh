// EXERCISE 7.1 — Deletion AUC (2 points)
// (Σ s_t − s_0/2 − s_n/2) / n with the sum in a float ("probabilities need no more"): long curves lose digits.
double deletionAuc(double[] scores) {
    int n = scores.length - 1;
    float sum = 0;
    for (double s : scores) sum += s;
    return (sum - scores[0] / 2 - scores[n] / 2) / n;
}
