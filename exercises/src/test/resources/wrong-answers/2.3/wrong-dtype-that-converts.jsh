// EXERCISE 2.3 — Bilinear upsampling (3 points)
// Right values, interpolated on the host in double and returned as float64.
NDArray upsampleBilinear(NDArray map, int height, int width) {
    int h = Math.toIntExact(map.getShape().get(0));
    int w = Math.toIntExact(map.getShape().get(1));
    float[] in = map.toFloatArray();
    double[] out = new double[height * width];
    for (int y = 0; y < height; y++) {
        double sy = Math.min(Math.max((y + 0.5) * h / height - 0.5, 0), h - 1);
        int y0 = (int) sy, y1 = Math.min(y0 + 1, h - 1);
        double fy = sy - y0;
        for (int x = 0; x < width; x++) {
            double sx = Math.min(Math.max((x + 0.5) * w / width - 0.5, 0), w - 1);
            int x0 = (int) sx, x1 = Math.min(x0 + 1, w - 1);
            double fx = sx - x0;
            double top = in[y0 * w + x0] * (1 - fx) + in[y0 * w + x1] * fx;
            double bottom = in[y1 * w + x0] * (1 - fx) + in[y1 * w + x1] * fx;
            out[y * width + x] = top * (1 - fy) + bottom * fy;
        }
    }
    return map.getManager().create(out, new Shape(height, width));
}
