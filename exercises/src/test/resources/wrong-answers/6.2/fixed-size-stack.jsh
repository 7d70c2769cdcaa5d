// EXERCISE 6.2 — Box of the largest connected component (3 points)
// An explicit stack of fixed size (2^16 entries): a component whose waiting pixels outnumber it overflows.
int[] largestComponentBox(float[] map, int height, int width, double fraction) {
    float max = 0;
    for (float v : map) max = Math.max(max, v);
    double threshold = fraction * max;
    boolean[] visited = new boolean[map.length];
    int[] stack = new int[65536];
    int bestPixels = 0;
    int[] best = new int[0];
    for (int start = 0; start < map.length; start++) {
        if (visited[start] || !(map[start] > threshold)) continue;
        visited[start] = true;
        int top = 0, pixels = 0;
        stack[top++] = start;
        int x0 = width, y0 = height, x1 = -1, y1 = -1;
        while (top > 0) {
            int p = stack[--top];
            int x = p % width, y = p / width;
            pixels++;
            x0 = Math.min(x0, x); x1 = Math.max(x1, x);
            y0 = Math.min(y0, y); y1 = Math.max(y1, y);
            for (int dy = -1; dy <= 1; dy++) for (int dx = -1; dx <= 1; dx++) {
                int nx = x + dx, ny = y + dy;
                if (nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
                int q = ny * width + nx;
                if (!visited[q] && map[q] > threshold) { visited[q] = true; stack[top++] = q; }
            }
        }
        if (pixels > bestPixels) { bestPixels = pixels; best = new int[] {x0, y0, x1, y1}; }
    }
    return best;
}
