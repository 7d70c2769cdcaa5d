// Reference answers for notebooks/06-localization.ipynb.
// One section per exercise: it starts with the exercise's marker line and runs to the next marker.
// Graded with: ./mvnw test -Dcamlab.grade=solutions

// EXERCISE 6.1 — IoU of two boxes (2 points)
/** IoU = |A ∩ B| / (|A| + |B| − |A ∩ B|); boxes {x0, y0, x1, y1} in inclusive pixel coordinates (width = x1 − x0 + 1); areas can exceed Integer.MAX_VALUE. */
double boxIou(int[] a, int[] b) {
    long interWidth = Math.max(0, Math.min(a[2], b[2]) - Math.max(a[0], b[0]) + 1);
    long interHeight = Math.max(0, Math.min(a[3], b[3]) - Math.max(a[1], b[1]) + 1);
    long inter = interWidth * interHeight;
    long areaA = (long) (a[2] - a[0] + 1) * (a[3] - a[1] + 1);
    long areaB = (long) (b[2] - b[0] + 1) * (b[3] - b[1] + 1);
    return (double) inter / (areaA + areaB - inter);
}

// EXERCISE 6.2 — Box of the largest connected component (3 points)
/** {x0, y0, x1, y1} of the largest 8-connected component of {map > fraction · max}; new int[0] if there is none. map: row-major height × width, possibly large (512 × 512). */
int[] largestComponentBox(float[] map, int height, int width, double fraction) {
    float max = 0;
    for (float v : map) max = Math.max(max, v);
    double threshold = fraction * max;
    boolean[] visited = new boolean[map.length];
    int[] stack = new int[map.length];
    int bestPixels = 0;
    int[] best = new int[0];
    for (int start = 0; start < map.length; start++) {
        if (visited[start] || !(map[start] > threshold)) continue;
        visited[start] = true;
        int top = 0, pixels = 0;
        stack[top++] = start;
        int x0 = width, y0 = height, x1 = -1, y1 = -1;
        while (top > 0) {                                   // depth-first flood fill of one component
            int p = stack[--top];
            int x = p % width, y = p / width;
            pixels++;
            x0 = Math.min(x0, x); x1 = Math.max(x1, x);
            y0 = Math.min(y0, y); y1 = Math.max(y1, y);
            for (int dy = -1; dy <= 1; dy++) {
                for (int dx = -1; dx <= 1; dx++) {          // the 8 neighbours (and p itself, already visited)
                    int nx = x + dx, ny = y + dy;
                    if (nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
                    int q = ny * width + nx;
                    if (!visited[q] && map[q] > threshold) {
                        visited[q] = true;
                        stack[top++] = q;
                    }
                }
            }
        }
        if (pixels > bestPixels) {
            bestPixels = pixels;
            best = new int[] {x0, y0, x1, y1};
        }
    }
    return best;
}

// EXERCISE 6.3 — MaxBoxAcc over thresholds (3 points)
/** max over τ of 100 · #{n : IoU(largest-component box of map_n at τ · max, box_n) ≥ iouThreshold} / N. */
double maxBoxAcc(float[][] maps, int height, int width, int[][] boxes, double[] thresholds, double iouThreshold) {
    double best = 0;
    for (double tau : thresholds) {
        int hits = 0;
        for (int n = 0; n < maps.length; n++) {
            Optional<Box> box = MapBoxes.largestComponentBox(maps[n], height, width, tau);
            Box truth = new Box(boxes[n][0], boxes[n][1], boxes[n][2], boxes[n][3]);
            if (box.isPresent() && box.get().iou(truth) >= iouThreshold) hits++;   // no box: a miss
        }
        best = Math.max(best, 100.0 * hits / maps.length);
    }
    return best;
}
