// EXERCISE 8.4 — Guided Grad-CAM (2 points)
// Brings Grad-CAM to the input by repeating each cell (nearest neighbour), not bilinearly.
NDArray guidedGradCam(NDArray guidedGradients, NDArray gradCamMaps) {
    long[] s = guidedGradients.getShape().getShape();
    long[] l = gradCamMaps.getShape().getShape();
    NDArray up = gradCamMaps.repeat(1, s[2] / l[1]).repeat(2, s[3] / l[2]);
    return guidedGradients.abs().max(new int[] {1}).mul(up);
}
