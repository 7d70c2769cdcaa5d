// EXERCISE 6.3 — MaxBoxAcc over thresholds (3 points)
// 100 * hits / N in int arithmetic: the percentage is rounded down to a whole number.
double maxBoxAcc(float[][] maps, int height, int width, int[][] boxes, double[] thresholds, double iouThreshold) {
    int best = 0;
    for (double tau : thresholds) {
        int hits = 0;
        for (int n = 0; n < maps.length; n++) {
            Optional<Box> box = MapBoxes.largestComponentBox(maps[n], height, width, tau);
            if (box.isPresent() && box.get().iou(new Box(boxes[n][0], boxes[n][1], boxes[n][2], boxes[n][3])) >= iouThreshold) hits++;
        }
        best = Math.max(best, 100 * hits / maps.length);
    }
    return best;
}
