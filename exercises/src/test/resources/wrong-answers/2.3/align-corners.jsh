// EXERCISE 2.3 — Bilinear upsampling (3 points)
// align_corners = true: the corner pixels of input and output coincide (src = dst·(in−1)/(out−1)).
NDArray upsampleBilinear(NDArray map, int height, int width) {
    int h = (int) map.getShape().get(0), w = (int) map.getShape().get(1);
    float[] in = map.toFloatArray();
    float[] out = new float[height * width];
    for (int y = 0; y < height; y++) {
        float sy = height == 1 ? 0 : (float) y * (h - 1) / (height - 1);
        int y0 = Math.min((int) sy, h - 1), y1 = Math.min(y0 + 1, h - 1);
        float fy = sy - y0;
        for (int x = 0; x < width; x++) {
            float sx = width == 1 ? 0 : (float) x * (w - 1) / (width - 1);
            int x0 = Math.min((int) sx, w - 1), x1 = Math.min(x0 + 1, w - 1);
            float fx = sx - x0;
            out[y * width + x] = (in[y0 * w + x0] * (1 - fx) + in[y0 * w + x1] * fx) * (1 - fy)
                + (in[y1 * w + x0] * (1 - fx) + in[y1 * w + x1] * fx) * fy;
        }
    }
    return map.getManager().create(out, new Shape(height, width));
}
