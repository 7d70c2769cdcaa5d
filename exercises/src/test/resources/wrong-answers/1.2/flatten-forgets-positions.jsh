// EXERCISE 1.2 — Parameters of the two heads (3 points)
// Treats the flattened input as K numbers (as if GAP came first).
long[] headParameterCounts(int channels, int height, int width, int hidden, int classes) {
    long fc = (long) channels * hidden + hidden + (long) hidden * classes + classes;
    return new long[] {fc, (long) channels * classes};
}
