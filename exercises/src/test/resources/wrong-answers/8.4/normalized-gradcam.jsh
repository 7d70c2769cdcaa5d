// EXERCISE 8.4 — Guided Grad-CAM (2 points)
// Scales Grad-CAM into [0, 1] before gating (as an overlay would): the product changes by each map's max.
NDArray guidedGradCam(NDArray guidedGradients, NDArray gradCamMaps) {
    long[] s = guidedGradients.getShape().getShape();
    long b = s[0];
    NDArray max = gradCamMaps.reshape(b, -1).max(new int[] {1}).maximum(1e-12f).reshape(b, 1, 1);
    NDArray up = camlab.ops.MapOps.upsampleBilinear(gradCamMaps.div(max), (int) s[2], (int) s[3]);
    return guidedGradients.abs().max(new int[] {1}).mul(up);
}
