// EXERCISE 4.1 — Erasing mask (3 points)
// "Constant" tested as max − min < 1e-6: a map with a tiny but non-zero range keeps everything.
NDArray erasingMask(NDArray maps, float delta) {
    long[] s = maps.getShape().getShape();
    int plane = (int) (s[1] * s[2]);
    float[] v = maps.toFloatArray();
    float[] mask = new float[v.length];
    for (int b = 0; b < s[0]; b++) {
        float min = Float.MAX_VALUE, max = -Float.MAX_VALUE;
        for (int i = 0; i < plane; i++) { min = Math.min(min, v[b * plane + i]); max = Math.max(max, v[b * plane + i]); }
        float range = max - min;
        for (int i = 0; i < plane; i++) {
            float n = range < 1e-6f ? 0 : (v[b * plane + i] - min) / range;
            mask[b * plane + i] = n >= delta ? 0 : 1;
        }
    }
    return maps.getManager().create(mask, maps.getShape());
}
