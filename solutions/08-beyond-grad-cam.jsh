// Reference answers for notebooks/08-beyond-grad-cam.ipynb.
// One section per exercise: it starts with the exercise's marker line and runs to the next marker.
// Graded with: ./mvnw test -Dcamlab.grade=solutions

// EXERCISE 8.1 — LayerCAM map (2 points)
/** L = ReLU(Σ_k ReLU(g_k) ⊙ A_k) per image. activations, gradients: [B,K,h,w] (A of either sign). Returns [B,h,w] float32. */
NDArray layerCamMap(NDArray activations, NDArray gradients) {
    return activations.mul(gradients.maximum(0f)).sum(new int[] {1}).maximum(0f);
}

// EXERCISE 8.2 — Score-CAM masks (3 points)
/** x ⊙ minmax(up(A_k)) for every image and channel; a constant upsampled channel (max = min) masks to 0. images: [B,C,H,W]; activations: [B,K,h,w]. Returns [B,K,C,H,W] float32. */
NDArray scoreCamMasks(NDArray images, NDArray activations) {
    long[] x = images.getShape().getShape();
    long[] a = activations.getShape().getShape();
    NDArray up = camlab.ops.MapOps.upsampleBilinear(activations.reshape(a[0] * a[1], a[2], a[3]), (int) x[2], (int) x[3])
        .reshape(a[0], a[1], x[2] * x[3]);                                 // [B, K, H·W]
    NDArray min = up.min(new int[] {2}, true);
    NDArray range = up.max(new int[] {2}, true).sub(min);                  // [B, K, 1]
    NDArray constant = range.eq(0f);
    NDArray masks = up.sub(min).div(range.add(constant.toType(DataType.FLOAT32, false)))  // divide by 1 where constant …
        .mul(constant.logicalNot().toType(DataType.FLOAT32, false));                       // … and zero those masks
    return masks.reshape(a[0], a[1], 1, x[2], x[3]).mul(images.expandDims(1));
}

// EXERCISE 8.3 — Occlusion map (3 points)
/** The mean drop of the class-c logit over the zero patch×patch windows (stride apart, where they fit) covering each pixel; 0 where none covers. images: [B,C,H,W]. Returns [B,H,W] float32. */
NDArray occlusionMap(Classifier model, NDArray images, int classIndex, int patch, int stride) {
    long[] s = images.getShape().getShape();
    int height = (int) s[2], width = (int) s[3];
    NDManager manager = images.getManager();
    NDArray base = model.logits(images).get(":, " + classIndex);                    // [B]
    NDArray sum = manager.zeros(new Shape(s[0], height, width));
    NDArray count = manager.zeros(new Shape(1, height, width));
    for (int r = 0; r + patch <= height; r += stride) {
        for (int q = 0; q + patch <= width; q += stride) {
            NDArray keep = manager.ones(new Shape(1, 1, height, width));
            keep.set(new NDIndex(":, :, {}:{}, {}:{}", r, r + patch, q, q + patch), 0f);
            NDArray drop = base.sub(model.logits(images.mul(keep)).get(":, " + classIndex)); // [B]
            NDArray window = keep.neg().add(1f).squeeze(1);                                  // 1 inside the window, [1,H,W]
            sum = sum.add(window.mul(drop.reshape(s[0], 1, 1)));
            count = count.add(window);
        }
    }
    return sum.div(count.maximum(1f));   // uncovered pixels have sum 0 and count 0: 0 / 1
}

// EXERCISE 8.4 — Guided Grad-CAM (2 points)
/** max over channels of |R| times Grad-CAM upsampled to the input (half-pixel centres). guidedGradients: [B,C,H,W]; gradCamMaps: [B,h,w] ≥ 0. Returns [B,H,W] float32. */
NDArray guidedGradCam(NDArray guidedGradients, NDArray gradCamMaps) {
    long[] s = guidedGradients.getShape().getShape();
    NDArray up = camlab.ops.MapOps.upsampleBilinear(gradCamMaps, (int) s[2], (int) s[3]);
    return guidedGradients.abs().max(new int[] {1}).mul(up);
}

// EXERCISE 8.5 — Integrated Gradients (3 points)
/** Σ_ch x ⊙ (1/m) Σ_k ∂y^c/∂x(α_k·x), α_k = (k − ½)/m, black baseline. images: [B,C,H,W]. Returns [B,H,W] float32. */
NDArray integratedGradients(Classifier model, NDArray images, int classIndex, int steps) {
    NDArray total = images.zerosLike();
    for (int k = 1; k <= steps; k++) {
        NDArray leaf = model.inputGradientLeaf(images.mul((k - 0.5f) / steps), "integrated-gradients");  // a fresh leaf on the path
        try (var collector = ai.djl.engine.Engine.getInstance().newGradientCollector()) {
            collector.backward(model.logitsForInputGradients(leaf).get(":, " + classIndex).sum());
        }
        total = total.add(leaf.getGradient());
    }
    return images.mul(total).div(steps).sum(new int[] {1});
}
