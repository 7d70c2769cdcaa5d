// EXERCISE 1.2 — Parameters of the two heads (3 points)
// Returns {GAP head, FC head}: the wrong order.
long[] headParameterCounts(int channels, int height, int width, int hidden, int classes) {
    long fc = (long) channels * height * width * hidden + hidden + (long) hidden * classes + classes;
    return new long[] {(long) channels * classes, fc};
}
