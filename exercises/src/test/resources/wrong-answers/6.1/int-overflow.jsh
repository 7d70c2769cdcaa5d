// EXERCISE 6.1 — IoU of two boxes (2 points)
// Right formula in int arithmetic: the areas of large boxes overflow.
double boxIou(int[] a, int[] b) {
    int interWidth = Math.max(0, Math.min(a[2], b[2]) - Math.max(a[0], b[0]) + 1);
    int interHeight = Math.max(0, Math.min(a[3], b[3]) - Math.max(a[1], b[1]) + 1);
    int inter = interWidth * interHeight;
    int areaA = (a[2] - a[0] + 1) * (a[3] - a[1] + 1);
    int areaB = (b[2] - b[0] + 1) * (b[3] - b[1] + 1);
    return (double) inter / (areaA + areaB - inter);
}
