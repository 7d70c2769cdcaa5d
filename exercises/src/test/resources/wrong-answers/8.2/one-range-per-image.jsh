// EXERCISE 8.2 — Score-CAM masks (3 points)
// Takes min and max over all channels of an image together instead of channel by channel.
NDArray scoreCamMasks(NDArray images, NDArray activations) {
    long[] x = images.getShape().getShape();
    long[] a = activations.getShape().getShape();
    NDArray up = camlab.ops.MapOps.upsampleBilinear(activations.reshape(a[0] * a[1], a[2], a[3]), (int) x[2], (int) x[3])
        .reshape(a[0], a[1] * x[2] * x[3]);
    NDArray min = up.min(new int[] {1}, true);
    NDArray range = up.max(new int[] {1}, true).sub(min);
    NDArray constant = range.eq(0f).toType(DataType.FLOAT32, false);
    NDArray masks = up.sub(min).div(range.add(constant)).mul(constant.neg().add(1f));
    return masks.reshape(a[0], a[1], 1, x[2], x[3]).mul(images.expandDims(1));
}
