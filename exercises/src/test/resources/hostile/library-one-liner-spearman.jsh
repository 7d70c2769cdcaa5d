// EXERCISE 7.2 — Spearman rank correlation (3 points)
// expect: 7.2 asks you to write this yourself: calling Spearman.of (cell line 5) is not allowed here
// sandbox: ANY
double spearman(float[] a, float[] b) {
    return Spearman.of(a, b);
}
