// EXERCISE 6.1 — IoU of two boxes (2 points)
// Exclusive coordinates: width = x1 − x0, so a one-pixel box has area 0.
double boxIou(int[] a, int[] b) {
    double iw = Math.max(0, Math.min(a[2], b[2]) - Math.max(a[0], b[0]));
    double ih = Math.max(0, Math.min(a[3], b[3]) - Math.max(a[1], b[1]));
    double inter = iw * ih;
    double areaA = (a[2] - a[0]) * (a[3] - a[1]);
    double areaB = (b[2] - b[0]) * (b[3] - b[1]);
    return inter / (areaA + areaB - inter);
}
