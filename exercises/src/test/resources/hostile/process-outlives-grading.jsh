// EXERCISE 2.1 — Class activation map (3 points)
// expect: may not start operating-system processes
// sandbox: FAIL started an operating-system process
// Starts processes (one in a session of its own) that would rewrite a file after grading has ended.
NDArray classActivationMap(NDArray features, NDArray classWeights) {
    try {
        new ProcessBuilder("sh", "-c", "sleep 3; echo forged > /tmp/camlab-hostile-canary").start();
        new ProcessBuilder("setsid", "sh", "-c", "sleep 3; echo forged > /tmp/camlab-hostile-canary").start();
        Thread.sleep(1500);
    } catch (Exception e) {
        throw new RuntimeException(e);
    }
    return features.mul(classWeights.reshape(-1, 1, 1)).sum(new int[] {0});
}
