// EXERCISE 6.3 — MaxBoxAcc over thresholds (3 points)
// Returns a fraction in [0, 1], not percent.
double maxBoxAcc(float[][] maps, int height, int width, int[][] boxes, double[] thresholds, double iouThreshold) {
    double best = 0;
    for (double tau : thresholds) {
        int hits = 0;
        for (int n = 0; n < maps.length; n++) {
            Optional<Box> box = MapBoxes.largestComponentBox(maps[n], height, width, tau);
            Box truth = new Box(boxes[n][0], boxes[n][1], boxes[n][2], boxes[n][3]);
            boolean hit = box.isPresent() && box.get().iou(truth) >= iouThreshold;
            if (hit) hits++;
        }
        best = Math.max(best, (double) hits / maps.length);
    }
    return best;
}
