// EXERCISE 8.3 — Occlusion map (3 points)
// Moves the window by its own size: the stride is ignored.
NDArray occlusionMap(Classifier model, NDArray images, int classIndex, int patch, int stride) {
    long[] s = images.getShape().getShape();
    int height = (int) s[2], width = (int) s[3];
    NDManager manager = images.getManager();
    NDArray base = model.logits(images).get(":, " + classIndex);
    NDArray sum = manager.zeros(new Shape(s[0], height, width));
    NDArray count = manager.zeros(new Shape(1, height, width));
    for (int r = 0; r + patch <= height; r += patch) {
        for (int q = 0; q + patch <= width; q += patch) {
            NDArray keep = manager.ones(new Shape(1, s[1], height, width)); keep.set(new NDIndex(":, :, {}:{}, {}:{}", r, r + patch, q, q + patch), 0f);
            NDArray drop = base.sub(model.logits(images.mul(keep)).get(":, " + classIndex));
            NDArray window = manager.zeros(new Shape(1, height, width));
            window.set(new NDIndex(":, {}:{}, {}:{}", r, r + patch, q, q + patch), 1f);
            sum = sum.add(window.mul(drop.reshape(s[0], 1, 1)));
            count = count.add(window);
        }
    }
    return sum.div(count.maximum(1f));
}
