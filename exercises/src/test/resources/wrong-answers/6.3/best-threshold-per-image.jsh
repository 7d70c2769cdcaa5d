// EXERCISE 6.3 — MaxBoxAcc over thresholds (3 points)
// Lets every image pick its own best threshold: the accuracy of an oracle, not of one operating point.
double maxBoxAcc(float[][] maps, int height, int width, int[][] boxes, double[] thresholds, double iouThreshold) {
    int hits = 0;
    for (int n = 0; n < maps.length; n++) {
        for (double tau : thresholds) {
            Optional<Box> box = MapBoxes.largestComponentBox(maps[n], height, width, tau);
            Box truth = new Box(boxes[n][0], boxes[n][1], boxes[n][2], boxes[n][3]);
            boolean hit = box.isPresent() && box.get().iou(truth) >= iouThreshold;
            if (hit) { hits++; break; }
        }
    }
    return 100.0 * hits / maps.length;
}
