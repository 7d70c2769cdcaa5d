// EXERCISE 8.4 — Guided Grad-CAM (2 points)
// Reduces the colour channels by the sum of magnitudes (an L1 norm) instead of the largest one.
NDArray guidedGradCam(NDArray guidedGradients, NDArray gradCamMaps) {
    long[] s = guidedGradients.getShape().getShape();
    NDArray up = camlab.ops.MapOps.upsampleBilinear(gradCamMaps, (int) s[2], (int) s[3]);
    return guidedGradients.abs().sum(new int[] {1}).mul(up);
}
