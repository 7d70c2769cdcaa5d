// EXERCISE 1.2 — Parameters of the two heads (3 points)
// The FC head in long, the GAP head in int: channels · classes overflows for 65536 × 65536.
long[] headParameterCounts(int channels, int height, int width, int hidden, int classes) {
    long fc = (long) channels * height * width * hidden + hidden + (long) hidden * classes + classes;
    long gap = channels * classes;
    return new long[] {fc, gap};
}
