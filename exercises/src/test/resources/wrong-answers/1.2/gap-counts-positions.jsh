// EXERCISE 1.2 — Parameters of the two heads (3 points)
// Counts K·h·w inputs for the GAP head too: GAP leaves only K.
long[] headParameterCounts(int channels, int height, int width, int hidden, int classes) {
    long fc = (long) channels * height * width * hidden + hidden + (long) hidden * classes + classes;
    return new long[] {fc, (long) channels * height * width * classes};
}
