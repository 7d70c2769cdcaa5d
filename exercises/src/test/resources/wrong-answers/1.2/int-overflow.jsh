// EXERCISE 1.2 — Parameters of the two heads (3 points)
// Right formulas in int arithmetic: overflows for large heads.
long[] headParameterCounts(int channels, int height, int width, int hidden, int classes) {
    int fc = channels * height * width * hidden + hidden + hidden * classes + classes;
    int gap = channels * classes;
    return new long[] {fc, gap};
}
