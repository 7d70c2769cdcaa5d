// EXERCISE 1.2 — Parameters of the two heads (3 points)
// hidden · classes in int: overflows for 65536 hidden units and 65536 classes.
long[] headParameterCounts(int channels, int height, int width, int hidden, int classes) {
    long flat = (long) channels * height * width;
    long fc = flat * hidden + hidden + hidden * classes + classes;
    return new long[] {fc, (long) channels * classes};
}
