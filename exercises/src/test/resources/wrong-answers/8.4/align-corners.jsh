// EXERCISE 8.4 — Guided Grad-CAM (2 points)
// Upsamples with corners aligned (y_src = y·(h−1)/(H−1)) instead of half-pixel centres.
NDArray guidedGradCam(NDArray guidedGradients, NDArray gradCamMaps) {
    long[] s = guidedGradients.getShape().getShape();
    long[] l = gradCamMaps.getShape().getShape();
    int b = (int) l[0], h = (int) l[1], w = (int) l[2], H = (int) s[2], W = (int) s[3];
    float[] cam = gradCamMaps.toFloatArray();
    float[] up = new float[b * H * W];
    for (int n = 0; n < b; n++)
        for (int y = 0; y < H; y++)
            for (int x = 0; x < W; x++) {
                double sy = H == 1 ? 0 : y * (h - 1.0) / (H - 1), sx = W == 1 ? 0 : x * (w - 1.0) / (W - 1);
                int y0 = (int) Math.floor(sy), x0 = (int) Math.floor(sx);
                int y1 = Math.min(y0 + 1, h - 1), x1 = Math.min(x0 + 1, w - 1);
                double fy = sy - y0, fx = sx - x0;
                int o = n * h * w;
                double top = cam[o + y0 * w + x0] * (1 - fx) + cam[o + y0 * w + x1] * fx;
                double bottom = cam[o + y1 * w + x0] * (1 - fx) + cam[o + y1 * w + x1] * fx;
                up[(n * H + y) * W + x] = (float) (top * (1 - fy) + bottom * fy);
            }
    return guidedGradients.abs().max(new int[] {1}).mul(guidedGradients.getManager().create(up, new Shape(b, H, W)));
}
