// EXERCISE 2.1 — Class activation map (3 points)
// expect: ran out of memory
// sandbox: FAIL ran out of memory
List<long[]> hoard = new ArrayList<>();

NDArray classActivationMap(NDArray features, NDArray classWeights) {
    while (true) hoard.add(new long[1 << 20]);
}
