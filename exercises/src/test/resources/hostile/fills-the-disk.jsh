// EXERCISE 2.1 — Class activation map (3 points)
// expect: may not read or write files
// sandbox: FAIL No space left on device
// Writes 100 MB.
NDArray classActivationMap(NDArray features, NDArray classWeights) {
    try (java.io.OutputStream out = java.nio.file.Files.newOutputStream(java.nio.file.Path.of("/tmp/camlab-hostile-fill"))) {
        byte[] block = new byte[1 << 20];
        for (int i = 0; i < 100; i++) out.write(block);
    } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
    }
    return features.mul(classWeights.reshape(-1, 1, 1)).sum(new int[] {0});
}
