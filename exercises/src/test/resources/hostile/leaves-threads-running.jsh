// EXERCISE 2.1 — Class activation map (3 points)
// expect: PASS (a correct answer whose stray thread must not keep the grading JVM alive)
// sandbox: PASS
NDArray classActivationMap(NDArray features, NDArray classWeights) {
    Thread sleeper = new Thread(() -> {
        while (true) {
            try { Thread.sleep(1000); } catch (InterruptedException e) { }
        }
    });
    sleeper.start();
    return features.mul(classWeights.reshape(-1, 1, 1)).sum(new int[] {0});
}
