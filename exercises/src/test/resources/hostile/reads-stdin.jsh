// EXERCISE 2.1 — Class activation map (3 points)
// expect: threw NoSuchElementException: No line found at cell line 5
// sandbox: FAIL threw NoSuchElementException
NDArray classActivationMap(NDArray features, NDArray classWeights) {
    String answer = new Scanner(System.in).nextLine();
    return features.mul(classWeights.reshape(-1, 1, 1)).sum(new int[] {0});
}
