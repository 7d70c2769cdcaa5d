// EXERCISE 8.4 — Guided Grad-CAM (2 points)
// Right values, returned as float64.
NDArray guidedGradCam(NDArray guidedGradients, NDArray gradCamMaps) {
    long[] s = guidedGradients.getShape().getShape();
    NDArray up = camlab.ops.MapOps.upsampleBilinear(gradCamMaps, (int) s[2], (int) s[3]);
    return guidedGradients.abs().max(new int[] {1}).mul(up).toType(DataType.FLOAT64, false);
}
