// EXERCISE 6.1 — IoU of two boxes (2 points)
// Does not clamp the intersection's width and height at 0: two negatives make a positive area.
double boxIou(int[] a, int[] b) {
    double iw = Math.min(a[2], b[2]) - Math.max(a[0], b[0]) + 1;
    double ih = Math.min(a[3], b[3]) - Math.max(a[1], b[1]) + 1;
    double inter = iw * ih;
    double areaA = (a[2] - a[0] + 1) * (a[3] - a[1] + 1);
    double areaB = (b[2] - b[0] + 1) * (b[3] - b[1] + 1);
    return inter / (areaA + areaB - inter);
}
