// EXERCISE 6.3 — MaxBoxAcc over thresholds (3 points)
// Cuts the map at τ itself instead of τ · max (the largest component above an absolute value).
double maxBoxAcc(float[][] maps, int height, int width, int[][] boxes, double[] thresholds, double iouThreshold) {
    double best = 0;
    for (double tau : thresholds) {
        int hits = 0;
        for (int n = 0; n < maps.length; n++) {
            List<Box> all = MapBoxes.allComponents(maps[n], height, width, tau);   // largest first
            Box truth = new Box(boxes[n][0], boxes[n][1], boxes[n][2], boxes[n][3]);
            if (!all.isEmpty() && all.get(0).iou(truth) >= iouThreshold) hits++;
        }
        best = Math.max(best, 100.0 * hits / maps.length);
    }
    return best;
}
