// EXERCISE 1.2 — Parameters of the two heads (3 points)
// Counts the weights of the FC head but not its biases.
long[] headParameterCounts(int channels, int height, int width, int hidden, int classes) {
    long fc = (long) channels * height * width * hidden + (long) hidden * classes;
    return new long[] {fc, (long) channels * classes};
}
