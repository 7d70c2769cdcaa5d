// EXERCISE 6.1 — IoU of two boxes (2 points)
// expect: 6.1 asks you to write this yourself: calling Box.iou (cell line 5) is not allowed here
// sandbox: ANY
double boxIou(int[] a, int[] b) {
    return new Box(a[0], a[1], a[2], a[3]).iou(new Box(b[0], b[1], b[2], b[3]));
}
