// Reference answers for notebooks/02-cam.ipynb.
// One section per exercise: it starts with the exercise's marker line and runs to the next marker.
// Graded with: ./mvnw test -Dcamlab.grade=solutions

// EXERCISE 2.1 — Class activation map (3 points)
/** M(i,j) = Σ_k w_k · A_k(i,j). features: [K,h,w]; classWeights: [K] (one row of the Linear weight). Returns [h,w] float32. */
NDArray classActivationMap(NDArray features, NDArray classWeights) {
    long channels = classWeights.getShape().get(0);
    return features.mul(classWeights.reshape(channels, 1, 1)).sum(new int[] {0});
}

// EXERCISE 2.2 — Min-max normalisation (2 points)
/** (M − min M) / (max M − min M); a constant map (max = min) becomes all zeros, never NaN. map: [h,w]. Returns [h,w] float32. */
NDArray minMaxNormalize(NDArray map) {
    float min = map.min().getFloat();
    float max = map.max().getFloat();
    if (max - min == 0) return map.zerosLike();
    return map.sub(min).div(max - min);
}

// EXERCISE 2.3 — Bilinear upsampling (3 points)
/** Bilinear resize of map [h,w] to [height,width], half-pixel centres (align_corners = false), like MapOps.upsampleBilinear. Returns float32. */
NDArray upsampleBilinear(NDArray map, int height, int width) {
    int h = Math.toIntExact(map.getShape().get(0));
    int w = Math.toIntExact(map.getShape().get(1));
    float[] in = map.toFloatArray();
    float[] out = new float[height * width];
    for (int y = 0; y < height; y++) {
        float sy = Math.max((y + 0.5f) * h / height - 0.5f, 0f);   // source row, clamped at the top edge
        int y0 = Math.min((int) sy, h - 1);
        int y1 = Math.min(y0 + 1, h - 1);                           // clamped at the bottom edge
        float fy = sy - y0;
        for (int x = 0; x < width; x++) {
            float sx = Math.max((x + 0.5f) * w / width - 0.5f, 0f);
            int x0 = Math.min((int) sx, w - 1);
            int x1 = Math.min(x0 + 1, w - 1);
            float fx = sx - x0;
            float top = in[y0 * w + x0] * (1 - fx) + in[y0 * w + x1] * fx;
            float bottom = in[y1 * w + x0] * (1 - fx) + in[y1 * w + x1] * fx;
            out[y * width + x] = top * (1 - fy) + bottom * fy;
        }
    }
    return map.getManager().create(out, new Shape(height, width));
}
