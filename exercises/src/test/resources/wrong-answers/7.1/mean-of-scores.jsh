// EXERCISE 7.1 — Deletion AUC (2 points)
// The plain mean of the n + 1 scores: the end points weigh as much as the inner ones.
double deletionAuc(double[] scores) {
    double sum = 0;
    for (double s : scores) sum += s;
    return sum / scores.length;
}
