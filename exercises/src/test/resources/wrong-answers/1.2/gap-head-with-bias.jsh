// EXERCISE 1.2 — Parameters of the two heads (3 points)
// Gives the GAP head's Linear layer a bias, which the CAM network does not have.
long[] headParameterCounts(int channels, int height, int width, int hidden, int classes) {
    long fc = (long) channels * height * width * hidden + hidden + (long) hidden * classes + classes;
    return new long[] {fc, (long) channels * classes + classes};
}
