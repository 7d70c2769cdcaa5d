// EXERCISE 2.3 — Bilinear upsampling (3 points)
// expect: 2.3 asks you to write this yourself: calling MapOps.upsampleBilinear (cell line 5) is not allowed here
// sandbox: ANY
NDArray upsampleBilinear(NDArray map, int height, int width) {
    return MapOps.upsampleBilinear(map.expandDims(0), height, width).squeeze(0);
}
