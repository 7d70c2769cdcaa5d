// EXERCISE 1.2 — Parameters of the two heads (3 points)
// The flattened size K·h·w in int: overflows for 2048 channels of 1024 × 1024.
long[] headParameterCounts(int channels, int height, int width, int hidden, int classes) {
    int flat = channels * height * width;
    long fc = (long) flat * hidden + hidden + (long) hidden * classes + classes;
    return new long[] {fc, (long) channels * classes};
}
