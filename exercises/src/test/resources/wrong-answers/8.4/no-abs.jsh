// EXERCISE 8.4 — Guided Grad-CAM (2 points)
// Keeps the guided gradient's sign: takes the largest value, not the largest magnitude.
NDArray guidedGradCam(NDArray guidedGradients, NDArray gradCamMaps) {
    long[] s = guidedGradients.getShape().getShape();
    NDArray up = camlab.ops.MapOps.upsampleBilinear(gradCamMaps, (int) s[2], (int) s[3]);
    return guidedGradients.max(new int[] {1}).mul(up);
}
