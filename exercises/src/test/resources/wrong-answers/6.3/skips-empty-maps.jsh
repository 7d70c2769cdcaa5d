// EXERCISE 6.3 — MaxBoxAcc over thresholds (3 points)
// Leaves images without a box out of N instead of counting them as misses.
double maxBoxAcc(float[][] maps, int height, int width, int[][] boxes, double[] thresholds, double iouThreshold) {
    double best = 0;
    for (double tau : thresholds) {
        int hits = 0, counted = 0;
        for (int n = 0; n < maps.length; n++) {
            Optional<Box> box = MapBoxes.largestComponentBox(maps[n], height, width, tau);
            if (box.isEmpty()) continue;
            counted++;
            if (box.get().iou(new Box(boxes[n][0], boxes[n][1], boxes[n][2], boxes[n][3])) >= iouThreshold) hits++;
        }
        if (counted > 0) best = Math.max(best, 100.0 * hits / counted);
    }
    return best;
}
