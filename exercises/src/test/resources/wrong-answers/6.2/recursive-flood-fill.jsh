// EXERCISE 6.2 — Box of the largest connected component (3 points)
// A flood fill that calls itself once per pixel: the stack overflows on a large component.
int[] largestComponentBox(float[] map, int height, int width, double fraction) {
    float max = 0;
    for (float v : map) max = Math.max(max, v);
    boolean[] seen = new boolean[map.length];
    int[] best = new int[0];
    int bestPixels = 0;
    for (int p = 0; p < map.length; p++) {
        if (seen[p] || !(map[p] > fraction * max)) continue;
        int[] box = {width, height, -1, -1, 0};
        fill(map, height, width, fraction * max, seen, p % width, p / width, box);
        if (box[4] > bestPixels) { bestPixels = box[4]; best = new int[] {box[0], box[1], box[2], box[3]}; }
    }
    return best;
}
void fill(float[] map, int height, int width, double cut, boolean[] seen, int x, int y, int[] box) {
    if (x < 0 || y < 0 || x >= width || y >= height) return;
    int p = y * width + x;
    if (seen[p] || !(map[p] > cut)) return;
    seen[p] = true;
    box[0] = Math.min(box[0], x); box[1] = Math.min(box[1], y); box[2] = Math.max(box[2], x); box[3] = Math.max(box[3], y); box[4]++;
    for (int dy = -1; dy <= 1; dy++) for (int dx = -1; dx <= 1; dx++) if (dx != 0 || dy != 0) fill(map, height, width, cut, seen, x + dx, y + dy, box);
}
