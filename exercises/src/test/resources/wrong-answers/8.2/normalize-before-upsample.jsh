// EXERCISE 8.2 — Score-CAM masks (3 points)
// Min–max on the small channel, then upsampling: the same only when the upsampled channel keeps the channel's extremes.
NDArray scoreCamMasks(NDArray images, NDArray activations) {
    long[] x = images.getShape().getShape();
    long[] a = activations.getShape().getShape();
    NDArray flat = activations.reshape(a[0], a[1], a[2] * a[3]);
    NDArray min = flat.min(new int[] {2}, true);
    NDArray range = flat.max(new int[] {2}, true).sub(min);
    NDArray constant = range.eq(0f).toType(DataType.FLOAT32, false);
    NDArray normalized = flat.sub(min).div(range.add(constant)).mul(constant.neg().add(1f));
    NDArray masks = camlab.ops.MapOps.upsampleBilinear(normalized.reshape(a[0] * a[1], a[2], a[3]), (int) x[2], (int) x[3]);
    return masks.reshape(a[0], a[1], 1, x[2], x[3]).mul(images.expandDims(1));
}
