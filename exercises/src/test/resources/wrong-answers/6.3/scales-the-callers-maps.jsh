// EXERCISE 6.3 — MaxBoxAcc over thresholds (3 points)
// Scales each of the caller's maps to max 1 in place.
double maxBoxAcc(float[][] maps, int height, int width, int[][] boxes, double[] thresholds, double iouThreshold) {
    for (float[] m : maps) {                      // scale each map to max 1 so τ is the cut
        float max = 0;
        for (float v : m) max = Math.max(max, v);
        for (int i = 0; i < m.length && max > 0; i++) m[i] /= max;
    }
    double best = 0;
    for (double tau : thresholds) {
        int hits = 0;
        for (int n = 0; n < maps.length; n++) {
            Optional<Box> box = MapBoxes.largestComponentBox(maps[n], height, width, tau);
            if (box.isPresent() && box.get().iou(new Box(boxes[n][0], boxes[n][1], boxes[n][2], boxes[n][3])) >= iouThreshold) hits++;
        }
        best = Math.max(best, 100.0 * hits / maps.length);
    }
    return best;
}
