// EXERCISE 2.1 — Class activation map (3 points)
// expect: may not read or write files
// sandbox: FAIL threw UncheckedIOException
// Finds the checkout and the Maven repository from the class path, as an attacker would, and writes into
// solutions/, notebooks/ and ~/.m2 (new files, so that an unprotected run damages nothing).
NDArray classActivationMap(NDArray features, NDArray classWeights) {
    for (String entry : System.getProperty("java.class.path").split(":")) {
        try {
            if (entry.endsWith("lib/target/camlab-lib.jar") || entry.endsWith("lib/target/classes")) {
                java.nio.file.Path root = java.nio.file.Path.of(entry).getParent().getParent().getParent();
                java.nio.file.Files.writeString(root.resolve("solutions/HOSTILE-WAS-HERE"), "x");
                java.nio.file.Files.writeString(root.resolve("notebooks/HOSTILE-WAS-HERE.ipynb"), "x");
            }
            int m2 = entry.indexOf("/.m2/repository/");
            if (m2 >= 0) java.nio.file.Files.writeString(java.nio.file.Path.of(entry.substring(0, m2), ".m2/repository/HOSTILE-WAS-HERE"), "x");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
    return features.mul(classWeights.reshape(-1, 1, 1)).sum(new int[] {0});
}
