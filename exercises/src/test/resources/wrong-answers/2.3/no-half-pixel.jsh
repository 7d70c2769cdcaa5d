// EXERCISE 2.3 — Bilinear upsampling (3 points)
// Samples at dst·in/out, without the half-pixel shift: the map slides towards the top left.
NDArray upsampleBilinear(NDArray map, int height, int width) {
    int h = (int) map.getShape().get(0), w = (int) map.getShape().get(1);
    float[] in = map.toFloatArray();
    float[] out = new float[height * width];
    for (int y = 0; y < height; y++) {
        float sy = (float) y * h / height;
        int y0 = Math.min((int) sy, h - 1), y1 = Math.min(y0 + 1, h - 1);
        float fy = sy - y0;
        for (int x = 0; x < width; x++) {
            float sx = (float) x * w / width;
            int x0 = Math.min((int) sx, w - 1), x1 = Math.min(x0 + 1, w - 1);
            float fx = sx - x0;
            out[y * width + x] = (in[y0 * w + x0] * (1 - fx) + in[y0 * w + x1] * fx) * (1 - fy)
                + (in[y1 * w + x0] * (1 - fx) + in[y1 * w + x1] * fx) * fy;
        }
    }
    return map.getManager().create(out, new Shape(height, width));
}
